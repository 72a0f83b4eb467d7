#!/usr/bin/env python3
"""Read an alemsim HDF5 results file and plot the CD4+ percentile band.

Usage: python3 docs/read_results.py RESULTS.h5 [PLOT.png] [--group GROUP]
RESULTS.h5 is a file of `alemsim run --out`, or the study.h5 of `alemsim study --out` with
--group /arms/NNN (each arm holds the same layout). Needs Debian python3-h5py (and
python3-matplotlib for the plot). Layout: docs/output-format.md.
"""
import argparse

import h5py
import numpy as np


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", help="HDF5 file written by alemsim run or alemsim study")
    parser.add_argument("plot", nargs="?", help="PNG file for the CD4+ band")
    parser.add_argument("--group", default="/", help="group holding the run layout, e.g. /arms/000 of a study file")
    args = parser.parse_args()

    with h5py.File(args.results, "r") as f:
        print(f"{args.results}: seed {f.attrs['seed']}, alemsim {f.attrs['alemsim_version']} ({f.attrs['git_commit'][:10]})")
        g = f[args.group]
        if "name" in g.attrs:
            print(f"arm {args.group}: {g.attrs['name']}")
        t = g["time_day"][:]
        status = g["status"][:]
        print(f"{len(status)} patients, {np.count_nonzero(status)} failed, {len(t)} output times")
        band = g["summary/cd4_cells_per_ul"][:]  # rows: percentiles 5, 25, 50, 75, 95
        cmax = g["metrics/cmax_ng_per_ml"][:]  # [patients, courses]
        for course in range(cmax.shape[1]):
            values = cmax[:, course][~np.isnan(cmax[:, course])]
            print(f"course {course + 1}: mean Cmax {values.mean():.0f} ng/mL over {len(values)} patients")
        month12 = np.searchsorted(t, 365.0)
        print(f"CD4+ at day {t[month12]:g}: median {band[2, month12]:.0f} cells/uL "
              f"(5-95%: {band[0, month12]:.0f}-{band[4, month12]:.0f})")

    if args.plot:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(8, 4))
        months = t / (365.0 / 12.0)
        ax.fill_between(months, band[0], band[4], alpha=0.25, label="5-95%")
        ax.fill_between(months, band[1], band[3], alpha=0.45, label="25-75%")
        ax.plot(months, band[2], label="median")
        ax.axhline(400, linestyle="--", color="gray", label="LLN 400 cells/uL")
        ax.set_xlabel("months since the first infusion")
        ax.set_ylabel("CD4+ T cells (cells/uL)")
        ax.set_xlim(0, min(months[-1], 48))
        ax.legend()
        fig.tight_layout()
        fig.savefig(args.plot, dpi=120)
        print(f"plot written to {args.plot}")


if __name__ == "__main__":
    main()
