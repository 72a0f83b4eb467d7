#!/usr/bin/env python3
"""What the Python binding adds to a population run: the wall time of Scenario.run_population as
Python sees it, against the engine's own time inside the same call (its compute_ms), over several
runs of the labelled regimen's 200 patients. Prints the overhead as a share of the call.

Usage: PYTHONPATH=build/python /usr/bin/python3 bench/python_overhead.py [PATIENTS] [RUNS]
"""
import pathlib
import sys
import time

import alemsim

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    patients = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    scenario = alemsim.Scenario.load(str(ROOT / "scenarios/label.yaml"))
    scenario.run_population(patients=patients)  # warm-up: thread pool, page faults
    shares = []
    for _ in range(runs):
        start = time.perf_counter()
        result = scenario.run_population(patients=patients)
        wall_ms = 1000.0 * (time.perf_counter() - start)
        shares.append((wall_ms - result["compute_ms"]) / wall_ms)
    shares.sort()
    print(f"binding overhead, {patients} patients, {runs} runs: "
          f"min {100 * shares[0]:.2f}%, median {100 * shares[len(shares) // 2]:.2f}%, max {100 * shares[-1]:.2f}% of the call")


if __name__ == "__main__":
    main()
