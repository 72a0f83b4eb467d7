# Reference implementation of the alemtuzumab model in R deSolve, written from models/model.md.
#
# Independent of the C++ engine except for the typical parameter values, which it reads from the
# `name=value` file printed by build/bench/alemsim-bench-dump-params (so the two cannot drift), and
# the solver tolerances, alemsim's defaults, from the same file. The regimen (missed doses included)
# and the parameter overrides come from the scenario YAML, read here.
# Integration mirrors the engine's scheme with a different solver: lsoda at alemsim's rtol and atol,
# restarted at every infusion start and end, the infusion rate added to the drug amount in between.
#
# Usage: Rscript alemtuzumab.R SCENARIO PARAMS GRID_CSV OUT_CSV [REPEAT]
#   GRID_CSV: any CSV with a time_day column (alemsim's output): the times to report.
# Prints `integration_seconds=S` (CPU time of the integration alone, fastest of REPEAT runs, default
# 3: no start-up, no I/O; CPU time because the machine may be shared) and `solver=` (library and version).
suppressPackageStartupMessages({
  library(deSolve)
  library(yaml)
})

HOURS_PER_DAY <- 24
# alemsim's CSV prints times with 10 significant digits: an infusion end at 365 + 4/24 days reads
# 365.1666667, within 1e-6 day of the exact time.
GRID_MATCH_TOL_DAY <- 1e-6

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 4) stop("usage: Rscript alemtuzumab.R SCENARIO PARAMS GRID_CSV OUT_CSV [REPEAT]")
repeats <- if (length(args) >= 5) as.integer(args[5]) else 3L

read_params <- function(path) {
  kv <- strsplit(readLines(path), "=", fixed = TRUE)
  setNames(as.list(as.numeric(vapply(kv, `[`, "", 2))), vapply(kv, `[`, "", 1))
}

scenario <- yaml::read_yaml(args[1])
p <- read_params(args[2])
# Not model parameters: the tolerances alemsim runs at by default.
RTOL <- p$solver_rel_tol
ATOL <- p$solver_abs_tol
p$solver_rel_tol <- NULL
p$solver_abs_tol <- NULL
typical <- p
for (name in names(scenario$parameters)) {
  if (is.null(p[[name]])) stop(args[1], ": unknown parameter ", name)
  p[[name]] <- as.numeric(scenario$parameters[[name]])
}

# One row per infusion: start_day, end_day, rate_mg_per_day. SmPC 4.2: a missed dose is given on
# the first day after the scheduled ones, one per day.
expand_regimen <- function(courses) {
  rows <- lapply(courses, function(c) {
    missed <- unique(unlist(c$missed_days))
    days <- setdiff(seq_len(c$infusion_days), missed)
    days <- c(days, c$infusion_days + seq_along(missed))
    duration <- c$infusion_hours / HOURS_PER_DAY
    start <- c$start_day + days - 1
    data.frame(start = start, end = start + duration, rate = c$dose_mg_per_day / duration)
  })
  infusions <- do.call(rbind, rows)
  infusions[order(infusions$start), ]
}
infusions <- expand_regimen(scenario$courses)

# Restart points: the grid ends and every infusion start and end, snapped to the exact times.
grid <- read.csv(args[3])$time_day
cuts <- c(1L, length(grid))
for (t in c(infusions$start, infusions$end)) {
  if (t > grid[1] && t < grid[length(grid)]) {
    i <- which.min(abs(grid - t))
    if (abs(grid[i] - t) > GRID_MATCH_TOL_DAY) stop("infusion bound ", t, " day is not on the output grid")
    grid[i] <- t
    cuts <- c(cuts, i)
  }
}
cuts <- sort(unique(cuts))

# Plain locals: looking parameters up by name inside the right-hand side would dominate its cost.
V <- p$central_volume_l; CL <- p$linear_clearance_l_per_day; Vmax <- p$target_vmax_mg_per_day
Km <- p$target_km_ng_per_ml; kb <- p$blood_lysis_max_per_day; ks <- p$tissue_lysis_max_per_day
kr <- p$tissue_to_blood_per_day; phi <- p$blood_to_tissue_size_ratio
w8 <- p$cd8_cd52_relative_density; wB <- p$cd19_cd52_relative_density; wN <- p$nk_cd52_relative_density
rO <- p$other_per_cd4_cd8_cell
T40 <- p$cd4_baseline_cells_per_ul; dN4 <- p$cd4_naive_death_per_day
dM4 <- p$cd4_memory_death_per_day; h4 <- p$cd4_memory_lymphopenic_boost
T80 <- p$cd8_baseline_cells_per_ul; dN8 <- p$cd8_naive_death_per_day
dM8 <- p$cd8_memory_death_per_day; h8 <- p$cd8_memory_lymphopenic_boost
sth <- p$thymic_share_of_naive_production; hN <- p$naive_lymphopenic_boost
B0 <- p$cd19_baseline_cells_per_ul; kB <- p$cd19_turnover_per_day; gam <- p$cd19_output_baff_exponent
kF <- p$baff_turnover_per_day; gF <- p$baff_lymphopenia_gain
N0 <- p$nk_baseline_cells_per_ul; kN <- p$nk_turnover_per_day
ppi <- p$ada_propensity; kprime <- p$ada_priming_per_day; C50 <- p$ada_antigen_half_ng_per_ml
kmat <- p$ada_maturation_per_day; kloss <- p$ada_decay_per_day; m <- p$ada_memory_boost_per_titer
N50 <- p$ada_neutralising_half_titer; eAb <- p$ada_clearance_per_titer

# Populations: CD4+ naive, CD4+ memory, CD8+ naive, CD8+ memory, CD19+, NK: their pre-treatment
# counts and CD52 target-pool weights (the remainder counts as CD4+ T cells).
baselines <- function(q) c(q$cd4_naive_fraction * q$cd4_baseline_cells_per_ul,
                           (1 - q$cd4_naive_fraction) * q$cd4_baseline_cells_per_ul,
                           q$cd8_naive_fraction * q$cd8_baseline_cells_per_ul,
                           (1 - q$cd8_naive_fraction) * q$cd8_baseline_cells_per_ul,
                           q$cd19_baseline_cells_per_ul, q$nk_baseline_cells_per_ul)
pool_weights <- function(q) {
  o <- q$other_per_cd4_cd8_cell
  c(1 + o, 1 + o, q$cd8_cd52_relative_density + o, q$cd8_cd52_relative_density + o,
    q$cd19_cd52_relative_density, q$nk_cd52_relative_density)
}
X0 <- baselines(p)
lysis_w <- c(1, 1, w8, w8, wB, wN)
pool_w <- pool_weights(p)
# Pool_ref (models/model.md): the baseline pool of the shipped typical values (before the scenario's
# overrides, kept in `typical`), whatever this scenario's baselines and weights.
pool_ref <- sum(pool_weights(typical) * baselines(typical))
L0 <- (1 + rO) * (T40 + T80) + B0 + N0
homeostatic_net <- function(death, boost, fraction) death * ((1 + boost) / (1 + boost * fraction) - 1)

# State (A mg; blood then tissue counts of the six populations, cells/uL; F fold; P, Ab titer);
# `rate` is the infusion rate, mg/day.
rhs <- function(t, x, rate) {
  # The engine clamps the drug amount and the titer at 0 wherever they enter a rate: the solver may
  # leave them a hair below zero (after washout, before the first antibody).
  Ap <- max(0, x[1])
  C <- 1000 * Ap / V
  Abp <- max(0, x[16])
  occ <- C / (Km * (1 + Abp / N50) + C)
  b <- x[2:7]; s <- x[8:13]; F <- x[14]
  whole <- (phi * b + s) / (1 + phi)
  frac <- whole / X0
  source <- c(sth * dN4 * X0[1], 0, sth * dN8 * X0[3], 0, kB * B0 * max(F, 0)^gam, kN * N0)
  net <- c((1 - sth) * homeostatic_net(dN4, hN, frac[1]) - sth * dN4,
           homeostatic_net(dM4, h4, frac[2]),
           (1 - sth) * homeostatic_net(dN8, hN, frac[3]) - sth * dN8,
           homeostatic_net(dM8, h8, frac[4]),
           -kB, -kN)
  L <- (1 + rO) * sum(whole[1:4]) + whole[5] + whole[6]
  sig <- C / (C50 + C)
  list(c(
    rate - CL * (1 + eAb * Abp) * Ap / V - Vmax * sum(pool_w * whole) / pool_ref * occ,
    source + net * b + kr * (s - b) - lysis_w * kb * occ * b,
    source + net * s + phi * kr * (b - s) - lysis_w * ks * occ * s,
    kF * (1 + gF * (1 - L / L0) - F),
    ppi * kprime * sig * (1 + m * Abp) - kmat * x[15],
    kmat * x[15] - kloss * x[16]
  ))
}

simulate <- function() {
  states <- matrix(NA_real_, nrow = length(grid), ncol = 16)
  x <- c(0, X0, X0, 1, 0, 0)
  states[1, ] <- x
  for (k in seq_len(length(cuts) - 1)) {
    idx <- cuts[k]:cuts[k + 1]
    mid <- 0.5 * (grid[cuts[k]] + grid[cuts[k + 1]])
    rate <- sum(infusions$rate[infusions$start <= mid & mid < infusions$end])
    # tcrit: never step past the segment end, where the infusion rate changes.
    out <- lsoda(x, grid[idx], rhs, rate, rtol = RTOL, atol = ATOL, tcrit = grid[cuts[k + 1]])
    if (attr(out, "istate")[1] != 2) stop("lsoda failed on [", grid[idx[1]], ", ", grid[cuts[k + 1]], "] day")
    states[idx, ] <- out[, 2:17]
    x <- out[nrow(out), 2:17]
  }
  states
}

best <- Inf
for (r in seq_len(repeats)) {
  start <- proc.time()
  states <- simulate()
  used <- proc.time() - start
  best <- min(best, used[["user.self"]] + used[["sys.self"]])
}

# Blood counts: CD4+ and CD8+ are naive plus memory.
T4 <- states[, 2] + states[, 3]; T8 <- states[, 4] + states[, 5]; B <- states[, 6]; N <- states[, 7]
out <- data.frame(
  id = 0, time_day = grid,
  concentration_ng_per_ml = pmax(0, 1000 * states[, 1] / V),
  cd4_cells_per_ul = T4, cd8_cells_per_ul = T8, cd19_cells_per_ul = B, nk_cells_per_ul = N,
  lymphocytes_cells_per_ul = T4 + T8 + rO * (T4 + T8) + B + N,
  ada_titer = pmax(0, states[, 16])
)
# %.17g round-trips every double exactly.
out[] <- lapply(out, function(v) sprintf("%.17g", v))
write.csv(out, args[4], row.names = FALSE, quote = FALSE)
cat(sprintf("solver=R %s deSolve %s lsoda rtol %g atol %g\n", getRversion(), packageVersion("deSolve"), RTOL, ATOL))
cat(sprintf("integration_seconds=%.6g\n", best))
