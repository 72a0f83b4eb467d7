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
Km <- p$target_km_ng_per_ml; kkill <- p$kill_max_per_day; w8 <- p$cd8_cd52_relative_density
wB <- p$cd19_cd52_relative_density; wN <- p$nk_cd52_relative_density
T40 <- p$cd4_baseline_cells_per_ul; d4 <- p$cd4_death_per_day; r4 <- p$cd4_homeostatic_max_per_day
T80 <- p$cd8_baseline_cells_per_ul; d8 <- p$cd8_death_per_day; r8 <- p$cd8_homeostatic_max_per_day
B0 <- p$cd19_baseline_cells_per_ul; kB <- p$cd19_turnover_per_day; kF <- p$baff_production_per_day
N0 <- p$nk_baseline_cells_per_ul; kN <- p$nk_turnover_per_day; rO <- p$other_per_cd4_cd8_cell
ppi <- p$ada_propensity; kprime <- p$ada_priming_per_day; C50 <- p$ada_antigen_half_ng_per_ml
kmat <- p$ada_maturation_per_day; kloss <- p$ada_decay_per_day; m <- p$ada_memory_boost_per_titer
N50 <- p$ada_neutralising_half_titer; eAb <- p$ada_clearance_per_titer
K4 <- p$cd4_homeostatic_half_fraction * T40
K8 <- p$cd8_homeostatic_half_fraction * T80
theta4 <- d4 * T40 - r4 * T40 / (1 + T40 / K4)
theta8 <- d8 * T80 - r8 * T80 / (1 + T80 / K8)
# Pool_ref (models/model.md): the pool of the shipped typical values, which are the values read here.
pool0 <- T40 + w8 * T80 + rO * (T40 + T80) + wB * B0 + wN * N0

# State (A mg, T4, T8, B, N cells/uL, F fold, P, Ab titer); `rate` is the infusion rate, mg/day.
rhs <- function(t, x, rate) {
  # The engine clamps the drug amount and the titer at 0 wherever they enter a rate: the solver may
  # leave them a hair below zero (after washout, before the first antibody).
  Ap <- max(0, x[1])
  C <- 1000 * Ap / V
  Abp <- max(0, x[8])
  cfree <- C * N50 / (N50 + Abp)
  occ <- cfree / (Km + cfree)
  pool <- x[2] + w8 * x[3] + rO * (x[2] + x[3]) + wB * x[4] + wN * x[5]
  kill <- kkill * occ
  s <- C / (C50 + C)
  list(c(
    rate - CL * (1 + eAb * Abp) * Ap / V - Vmax * pool / pool0 * occ,
    theta4 + r4 * x[2] / (1 + x[2] / K4) - d4 * x[2] - kill * x[2],
    theta8 + r8 * x[3] / (1 + x[3] / K8) - d8 * x[3] - w8 * kill * x[3],
    kB * (B0 * x[6] - x[4]) - wB * kill * x[4],
    kN * (N0 - x[5]) - wN * kill * x[5],
    kF * (1 - x[6] * x[4] / B0),
    ppi * kprime * s * (1 + m * Abp) - kmat * x[7],
    kmat * x[7] - kloss * x[8]
  ))
}

simulate <- function() {
  states <- matrix(NA_real_, nrow = length(grid), ncol = 8)
  x <- c(0, T40, T80, B0, N0, 1, 0, 0)
  states[1, ] <- x
  for (k in seq_len(length(cuts) - 1)) {
    idx <- cuts[k]:cuts[k + 1]
    mid <- 0.5 * (grid[cuts[k]] + grid[cuts[k + 1]])
    rate <- sum(infusions$rate[infusions$start <= mid & mid < infusions$end])
    # tcrit: never step past the segment end, where the infusion rate changes.
    out <- lsoda(x, grid[idx], rhs, rate, rtol = RTOL, atol = ATOL, tcrit = grid[cuts[k + 1]])
    if (attr(out, "istate")[1] != 2) stop("lsoda failed on [", grid[idx[1]], ", ", grid[cuts[k + 1]], "] day")
    states[idx, ] <- out[, 2:9]
    x <- out[nrow(out), 2:9]
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

T4 <- states[, 2]; T8 <- states[, 3]; B <- states[, 4]; N <- states[, 5]
out <- data.frame(
  id = 0, time_day = grid,
  concentration_ng_per_ml = pmax(0, 1000 * states[, 1] / V),
  cd4_cells_per_ul = T4, cd8_cells_per_ul = T8, cd19_cells_per_ul = B, nk_cells_per_ul = N,
  lymphocytes_cells_per_ul = T4 + T8 + rO * (T4 + T8) + B + N,
  ada_titer = pmax(0, states[, 8])
)
# %.17g round-trips every double exactly.
out[] <- lapply(out, function(v) sprintf("%.17g", v))
write.csv(out, args[4], row.names = FALSE, quote = FALSE)
cat(sprintf("solver=R %s deSolve %s lsoda rtol %g atol %g\n", getRversion(), packageVersion("deSolve"), RTOL, ATOL))
cat(sprintf("integration_seconds=%.6g\n", best))
