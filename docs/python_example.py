#!/usr/bin/env python3
"""docs/python.md's example: 500 virtual patients on the labelled regimen from Python, their CD4+
band over the first year against the CARE-MS means of the validation data.

Usage: PYTHONPATH=build/python python3 docs/python_example.py [PLOT.png]
Needs the module (cmake -DALEMSIM_PYTHON=ON) and Debian python3-yaml and python3-matplotlib.
"""
import pathlib
import sys

import numpy as np
import yaml

import alemsim

ROOT = pathlib.Path(__file__).resolve().parent.parent
MONTH_DAYS = 365.0 / 12.0  # models/calendar.hpp


def care_ms_cd4_means():
    """(month, mean cells/uL) of the CARE-MS CD4+ course-1 figures in validation/reference_figures.yaml."""
    figures = yaml.safe_load((ROOT / "validation/reference_figures.yaml").read_text())["figures"]
    return sorted((f["months_after"], f["reference"]) for f in figures
                  if f["id"].startswith("care-ms-cd4-month-") and f.get("course") == 1)


def main():
    scenario = alemsim.Scenario.load(str(ROOT / "scenarios/label.yaml"))
    population = scenario.run_population(patients=500, seed=20130912)
    t = population["time_day"]
    band = population["percentiles"]["cd4_cells_per_ul"]  # rows: percentiles 5, 25, 50, 75, 95
    typical = scenario.simulate_typical()
    means = care_ms_cd4_means()
    print(f"{population['patients']} patients; CD4+ median at month 12: {np.interp(12 * MONTH_DAYS, t, band[2]):.0f} cells/uL")
    for month, mean in means:
        print(f"  month {month:>2}: CARE-MS mean {mean:>4} cells/uL, "
              f"simulated 25-75% {np.interp(month * MONTH_DAYS, t, band[1]):.0f}-{np.interp(month * MONTH_DAYS, t, band[3]):.0f}")
    if len(sys.argv) > 1:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        months = t / MONTH_DAYS
        first_year = months <= 13
        fig, ax = plt.subplots(figsize=(7, 4))
        ax.fill_between(months[first_year], band[0][first_year], band[4][first_year], color="#4285f4", alpha=0.2, label="5-95%")
        ax.fill_between(months[first_year], band[1][first_year], band[3][first_year], color="#4285f4", alpha=0.4, label="25-75%")
        ax.plot(months[first_year], band[2][first_year], color="#1955be", label="median")
        ax.plot(months[first_year], typical["cd4_cells_per_ul"][first_year], color="#d75514", label="typical patient")
        ax.plot([m for m, _ in means], [v for _, v in means], "D", color="#1ea050", label="CARE-MS mean (Dubuisson 2018)")
        ax.set_xlabel("months after the first infusion")
        ax.set_ylabel("CD4+ T cells (cells/µL)")
        ax.set_title("Labelled regimen, 500 virtual patients (alemsim from Python)")
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(sys.argv[1], dpi=120)
        print(f"plot written to {sys.argv[1]}")


if __name__ == "__main__":
    main()
