#!/usr/bin/env python3
"""Reference implementation of the alemtuzumab model in SciPy, written from models/model.md.

Independent of the C++ engine except for the typical parameter values, which it reads from the
`name=value` file printed by build/bench/alemsim-bench-dump-params (so the two cannot drift), and
the solver tolerances, alemsim's defaults, from the same file. The regimen (missed doses included)
and the parameter overrides come from the scenario YAML, read here.
Integration mirrors the engine's scheme with a different solver: LSODA at alemsim's rtol and atol,
restarted at every infusion start and end, the infusion rate added to the drug amount in between.

Usage: alemtuzumab.py SCENARIO PARAMS GRID_CSV OUT_CSV [REPEAT]
  GRID_CSV: any CSV with a time_day column (alemsim's output): the times to report.
Prints `integration_seconds=S` (CPU time of the integration alone, fastest of REPEAT runs, default 3:
no start-up, no I/O; CPU time because the machine may be shared) and `solver=` (library and version).
"""
import argparse
import csv
import math
import sys
import time

import numpy as np
import scipy
import yaml
from scipy.integrate import solve_ivp

HOURS_PER_DAY = 24.0
# alemsim's CSV prints times with 10 significant digits: an infusion end at 365 + 4/24 days reads
# 365.1666667, within 1e-6 day of the exact time.
GRID_MATCH_TOL_DAY = 1e-6
OUTPUT_COLUMNS = [
    "concentration_ng_per_ml", "cd4_cells_per_ul", "cd8_cells_per_ul", "cd19_cells_per_ul",
    "nk_cells_per_ul", "lymphocytes_cells_per_ul", "ada_titer",
]


def read_params(path):
    params = {}
    with open(path) as f:
        for line in f:
            name, value = line.strip().split("=")
            params[name] = float(value)
    return params


def read_scenario(path, params):
    """Courses and the parameters with the scenario's overrides applied."""
    with open(path) as f:
        doc = yaml.safe_load(f)
    params = dict(params)
    for name, value in (doc.get("parameters") or {}).items():
        if name not in params:
            sys.exit(f"{path}: unknown parameter {name}")
        params[name] = float(value)
    return doc["courses"], params


def expand_regimen(courses):
    """(start_day, end_day, rate_mg_per_day) per infusion. SmPC 4.2: a missed dose is given on the
    first day after the scheduled ones, one per day."""
    infusions = []
    for c in courses:
        missed = set(c.get("missed_days") or [])
        days = [d for d in range(1, c["infusion_days"] + 1) if d not in missed]
        days += [c["infusion_days"] + 1 + i for i in range(len(missed))]
        duration = c["infusion_hours"] / HOURS_PER_DAY
        for d in days:
            start = c["start_day"] + d - 1
            infusions.append((start, start + duration, c["dose_mg_per_day"] / duration))
    return sorted(infusions)


def read_grid(path):
    with open(path) as f:
        return np.array([float(row["time_day"]) for row in csv.DictReader(f)])


def segment_cuts(grid, infusions):
    """Grid indices where the solver restarts: the grid ends and every infusion start and end.
    Snaps those grid times to the exact infusion times."""
    grid = grid.copy()
    cuts = {0, len(grid) - 1}
    for start, end, _ in infusions:
        for t in (start, end):
            if grid[0] < t < grid[-1]:
                i = int(np.argmin(np.abs(grid - t)))
                if abs(grid[i] - t) > GRID_MATCH_TOL_DAY:
                    sys.exit(f"infusion bound {t} day is not on the output grid")
                grid[i] = t
                cuts.add(i)
    return grid, sorted(cuts)


def baselines(p):
    """Pre-treatment counts of CD4+ naive, CD4+ memory, CD8+ naive, CD8+ memory, CD19+, NK (cells/uL)."""
    return np.array([p["cd4_naive_fraction"] * p["cd4_baseline_cells_per_ul"],
                     (1 - p["cd4_naive_fraction"]) * p["cd4_baseline_cells_per_ul"],
                     p["cd8_naive_fraction"] * p["cd8_baseline_cells_per_ul"],
                     (1 - p["cd8_naive_fraction"]) * p["cd8_baseline_cells_per_ul"],
                     p["cd19_baseline_cells_per_ul"], p["nk_baseline_cells_per_ul"]])


def pool_weights(p):
    """CD52 target-pool weights of the six populations; the remainder counts as CD4+ T cells."""
    w8, rO = p["cd8_cd52_relative_density"], p["other_per_cd4_cd8_cell"]
    return np.array([1 + rO, 1 + rO, w8 + rO, w8 + rO, p["cd19_cd52_relative_density"], p["nk_cd52_relative_density"]])


def make_rhs(p, typical):
    """dx/dt of the state (A mg; blood then tissue counts of CD4+ naive, CD4+ memory, CD8+ naive,
    CD8+ memory, CD19+, NK in cells/uL; F fold; P, Ab titer) plus the infusion rate."""
    V, CL, Vmax, Km = p["central_volume_l"], p["linear_clearance_l_per_day"], p["target_vmax_mg_per_day"], p["target_km_ng_per_ml"]
    kb, ks = p["blood_lysis_max_per_day"], p["tissue_lysis_max_per_day"]
    kr, phi = p["tissue_to_blood_per_day"], p["blood_to_tissue_size_ratio"]
    w8, wB, wN, rO = p["cd8_cd52_relative_density"], p["cd19_cd52_relative_density"], p["nk_cd52_relative_density"], p["other_per_cd4_cd8_cell"]
    T40, dN4, dM4, h4 = (p["cd4_baseline_cells_per_ul"], p["cd4_naive_death_per_day"], p["cd4_memory_death_per_day"],
                         p["cd4_memory_lymphopenic_boost"])
    T80, dN8, dM8, h8 = (p["cd8_baseline_cells_per_ul"], p["cd8_naive_death_per_day"], p["cd8_memory_death_per_day"],
                         p["cd8_memory_lymphopenic_boost"])
    sth, hN = p["thymic_share_of_naive_production"], p["naive_lymphopenic_boost"]
    B0, kB, gam, kF, gF = (p["cd19_baseline_cells_per_ul"], p["cd19_turnover_per_day"], p["cd19_output_baff_exponent"],
                           p["baff_turnover_per_day"], p["baff_lymphopenia_gain"])
    N0, kN = p["nk_baseline_cells_per_ul"], p["nk_turnover_per_day"]
    pi, kprime, C50 = p["ada_propensity"], p["ada_priming_per_day"], p["ada_antigen_half_ng_per_ml"]
    kmat, kloss, m = p["ada_maturation_per_day"], p["ada_decay_per_day"], p["ada_memory_boost_per_titer"]
    N50, eAb = p["ada_neutralising_half_titer"], p["ada_clearance_per_titer"]

    X0 = baselines(p)
    lysis_w = np.array([1.0, 1.0, w8, w8, wB, wN])
    pool_w = pool_weights(p)
    # Pool_ref (models/model.md): the baseline pool of the shipped typical values (read before the
    # scenario's overrides), whatever this scenario's baselines and weights.
    pool_ref = float(pool_weights(typical) @ baselines(typical))
    L0 = (1 + rO) * (T40 + T80) + B0 + N0

    def homeostatic_net(death, boost, fraction):
        return death * ((1 + boost) / (1 + boost * fraction) - 1)

    def rhs(_t, x, rate):
        A = max(0.0, x[0])  # the engine clamps the drug amount and the titer at 0 where they enter a rate
        C = 1000.0 * A / V
        Abp = max(0.0, x[15])
        occ = C / (Km * (1 + Abp / N50) + C)
        b, s = x[1:7], x[7:13]
        F = x[13]
        whole = (phi * b + s) / (1 + phi)
        frac = whole / X0
        source = np.array([sth * dN4 * X0[0], 0.0, sth * dN8 * X0[2], 0.0, kB * B0 * max(F, 0.0) ** gam, kN * N0])
        net = np.array([
            (1 - sth) * homeostatic_net(dN4, hN, frac[0]) - sth * dN4,
            homeostatic_net(dM4, h4, frac[1]),
            (1 - sth) * homeostatic_net(dN8, hN, frac[2]) - sth * dN8,
            homeostatic_net(dM8, h8, frac[3]),
            -kB, -kN])
        db = source + net * b + kr * (s - b) - lysis_w * kb * occ * b
        ds = source + net * s + phi * kr * (b - s) - lysis_w * ks * occ * s
        L = (1 + rO) * whole[:4].sum() + whole[4] + whole[5]
        sig = C / (C50 + C)
        dA = rate - CL * (1.0 + eAb * Abp) * A / V - Vmax * float(pool_w @ whole) / pool_ref * occ
        dF = kF * (1 + gF * (1 - L / L0) - F)
        dP = pi * kprime * sig * (1.0 + m * Abp) - kmat * x[14]
        dAb = kmat * x[14] - kloss * x[15]
        return np.concatenate([[dA], db, ds, [dF, dP, dAb]])

    x0 = np.concatenate([[0.0], X0, X0, [1.0, 0.0, 0.0]])
    return rhs, x0


def simulate(rhs, x0, grid, cuts, infusions, rtol, atol):
    """States at every grid time, [16, len(grid)]."""
    states = np.empty((len(x0), len(grid)))
    states[:, 0] = x0
    x = x0
    for first, last in zip(cuts[:-1], cuts[1:]):
        mid = 0.5 * (grid[first] + grid[last])
        rate = sum(r for start, end, r in infusions if start <= mid < end)
        sol = solve_ivp(rhs, (grid[first], grid[last]), x, method="LSODA", t_eval=grid[first:last + 1],
                        args=(rate,), rtol=rtol, atol=atol)
        if not sol.success:
            sys.exit(f"LSODA failed on [{grid[first]}, {grid[last]}] day: {sol.message}")
        states[:, first:last + 1] = sol.y
        x = sol.y[:, -1]
    return states


def outputs(states, p):
    """Blood counts: CD4+ and CD8+ are naive plus memory; total lymphocytes add the remainder."""
    A, b, Ab = states[0], states[1:7], states[15]
    cd4, cd8 = b[0] + b[1], b[2] + b[3]
    other = p["other_per_cd4_cd8_cell"] * (cd4 + cd8)
    return [np.maximum(0.0, 1000.0 * A / p["central_volume_l"]), cd4, cd8, b[4], b[5], cd4 + cd8 + other + b[4] + b[5],
            np.maximum(0.0, Ab)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenario")
    ap.add_argument("params")
    ap.add_argument("grid_csv")
    ap.add_argument("out_csv")
    ap.add_argument("repeat", type=int, nargs="?", default=3)
    args = ap.parse_args()

    params = read_params(args.params)
    # Not model parameters: the tolerances alemsim runs at by default.
    rtol, atol = params.pop("solver_rel_tol"), params.pop("solver_abs_tol")
    typical = dict(params)
    courses, params = read_scenario(args.scenario, params)
    infusions = expand_regimen(courses)
    grid, cuts = segment_cuts(read_grid(args.grid_csv), infusions)
    rhs, x0 = make_rhs(params, typical)

    best = math.inf
    for _ in range(args.repeat):
        start = time.process_time()
        states = simulate(rhs, x0, grid, cuts, infusions, rtol, atol)
        best = min(best, time.process_time() - start)

    with open(args.out_csv, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "time_day"] + OUTPUT_COLUMNS)
        for i, row in enumerate(zip(*outputs(states, params))):
            w.writerow([0, repr(grid[i])] + [repr(float(v)) for v in row])
    print(f"solver=SciPy {scipy.__version__} solve_ivp LSODA rtol {rtol:g} atol {atol:g}")
    print(f"integration_seconds={best:.6g}")


if __name__ == "__main__":
    main()
