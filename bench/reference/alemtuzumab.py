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


def make_rhs(p):
    """dx/dt of the state (A mg, T4, T8, B, N cells/uL, F fold, P, Ab titer) plus the infusion rate."""
    V, CL, Vmax, Km = p["central_volume_l"], p["linear_clearance_l_per_day"], p["target_vmax_mg_per_day"], p["target_km_ng_per_ml"]
    kkill, w8, wB, wN = p["kill_max_per_day"], p["cd8_cd52_relative_density"], p["cd19_cd52_relative_density"], p["nk_cd52_relative_density"]
    T40, d4, r4 = p["cd4_baseline_cells_per_ul"], p["cd4_death_per_day"], p["cd4_homeostatic_max_per_day"]
    K4 = p["cd4_homeostatic_half_fraction"] * T40
    T80, d8, r8 = p["cd8_baseline_cells_per_ul"], p["cd8_death_per_day"], p["cd8_homeostatic_max_per_day"]
    K8 = p["cd8_homeostatic_half_fraction"] * T80
    B0, kB, kF = p["cd19_baseline_cells_per_ul"], p["cd19_turnover_per_day"], p["baff_production_per_day"]
    N0, kN, rO = p["nk_baseline_cells_per_ul"], p["nk_turnover_per_day"], p["other_per_cd4_cd8_cell"]
    pi, kprime, C50 = p["ada_propensity"], p["ada_priming_per_day"], p["ada_antigen_half_ng_per_ml"]
    kmat, kloss, m = p["ada_maturation_per_day"], p["ada_decay_per_day"], p["ada_memory_boost_per_titer"]
    N50, eAb = p["ada_neutralising_half_titer"], p["ada_clearance_per_titer"]

    theta4 = d4 * T40 - r4 * T40 / (1.0 + T40 / K4)
    theta8 = d8 * T80 - r8 * T80 / (1.0 + T80 / K8)
    # Pool_ref (models/model.md): the pool of the shipped typical values, which are the values read here.
    pool0 = T40 + w8 * T80 + rO * (T40 + T80) + wB * B0 + wN * N0

    def rhs(_t, x, rate):
        A, T4, T8, B, N, F, P, Ab = x
        # The engine clamps the drug amount and the titer at 0 wherever they enter a rate: the
        # solver may leave them a hair below zero (after washout, before the first antibody).
        Ap = max(0.0, A)
        C = 1000.0 * Ap / V
        Abp = max(0.0, Ab)
        cfree = C * N50 / (N50 + Abp)
        occ = cfree / (Km + cfree)
        pool = T4 + w8 * T8 + rO * (T4 + T8) + wB * B + wN * N
        kill = kkill * occ
        s = C / (C50 + C)
        return np.array([
            rate - CL * (1.0 + eAb * Abp) * Ap / V - Vmax * pool / pool0 * occ,
            theta4 + r4 * T4 / (1.0 + T4 / K4) - d4 * T4 - kill * T4,
            theta8 + r8 * T8 / (1.0 + T8 / K8) - d8 * T8 - w8 * kill * T8,
            kB * (B0 * F - B) - wB * kill * B,
            kN * (N0 - N) - wN * kill * N,
            kF * (1.0 - F * B / B0),
            pi * kprime * s * (1.0 + m * Abp) - kmat * P,
            kmat * P - kloss * Ab,
        ])

    x0 = np.array([0.0, T40, T80, B0, N0, 1.0, 0.0, 0.0])
    return rhs, x0


def simulate(rhs, x0, grid, cuts, infusions, rtol, atol):
    """States at every grid time, [8, len(grid)]."""
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
    A, T4, T8, B, N, _F, _P, Ab = states
    other = p["other_per_cd4_cd8_cell"] * (T4 + T8)
    return [np.maximum(0.0, 1000.0 * A / p["central_volume_l"]), T4, T8, B, N, T4 + T8 + other + B + N,
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
    courses, params = read_scenario(args.scenario, params)
    infusions = expand_regimen(courses)
    grid, cuts = segment_cuts(read_grid(args.grid_csv), infusions)
    rhs, x0 = make_rhs(params)

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
