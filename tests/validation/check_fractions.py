#!/usr/bin/env python3
"""Checks /fractions_below of an alemsim run file against the stored per-patient series.

For every threshold, at months 1, 3, 6 and 12 after each course start, the fraction of simulated
patients (status 0) whose stored series is below the threshold, counted here from /series (float32),
must lie within the Wilson 95% interval stored beside the fraction (the series are float32, so a
count within a rounding of the threshold may differ; exact agreement is reported). Needs every
patient's series (--keep-series N). Exit 0 when all agree, 1 otherwise.

Usage: check_fractions.py FILE.h5
"""
import sys

import h5py
import numpy as np
import yaml

DAYS_PER_MONTH = 365.0 / 12.0
THRESHOLDS = {"cd4_below_200": ("cd4_cells_per_ul", 200.0), "cd4_below_lln": ("cd4_cells_per_ul", 400.0),
              "cd8_below_lln": ("cd8_cells_per_ul", 200.0), "cd19_below_lln": ("cd19_cells_per_ul", 100.0),
              "lymphocytes_below_lln": ("lymphocytes_cells_per_ul", 1000.0)}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    failures, checked, exact = [], 0, 0
    with h5py.File(sys.argv[1], "r") as f:
        ok = f["status"][:] == 0
        if f["series/cd4_cells_per_ul"].shape[0] != len(ok):
            sys.exit("check_fractions: the file must keep every patient's series")
        time = f["time_day"][:]
        starts = [c["start_day"] for c in yaml.safe_load(f.attrs["scenario"])["courses"]]
        for name, (column, threshold) in THRESHOLDS.items():
            stored = f["fractions_below/" + name][:]
            series = f["series/" + column][:][ok]
            for start in starts:
                for month in (1, 3, 6, 12):
                    t = start + month * DAYS_PER_MONTH
                    if t > time[-1]:
                        continue
                    i = int(np.argmin(np.abs(time - t)))
                    counted = np.mean(series[:, i] < threshold)
                    fraction, lower, upper = stored[:, i]
                    checked += 1
                    exact += counted == fraction
                    if not lower <= counted <= upper:
                        failures.append(f"{name} at day {t:.1f}: {counted} from the series, stored {fraction} "
                                        f"[{lower}, {upper}]")
        print(f"{sys.argv[1]}: {checked} fractions checked against {ok.sum()} patients' series, {exact} exactly equal; "
              f"e.g. CD4+ < 200 at month 3 and 6 after course 1: "
              + ", ".join(f"{f['fractions_below/cd4_below_200'][0, int(np.argmin(np.abs(time - starts[0] - m * DAYS_PER_MONTH)))]:.3f}"
                          for m in (3, 6)))
    for line in failures:
        print("MISMATCH", line)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
