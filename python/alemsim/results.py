"""alemsim.read_results: a results file of `alemsim run --out X.h5` (or one arm of a study file) as
NumPy arrays, in the layout of docs/output-format.md. Needs Debian python3-h5py."""
import h5py
import numpy as np


def read_results(path, group="/"):
    """Everything a run file holds, as a dict of NumPy arrays.

    `group`: "/" for a file of `alemsim run`, "/arms/NNN" for an arm of a study file. Keys:
    time_day [T]; summary {quantity: [5, T] at percentiles 5, 25, 50, 75, 95}; series {quantity:
    [K, T]} of the patients kept; metrics {name: [N, C]} per patient and course; parameters {name:
    [N]} as sampled; status [N] (0 simulated, 1 failed); fractions_below {threshold: [3, T]};
    attrs, the root's attributes and the group's (seed, patients, scenario, ...). Raises
    FileNotFoundError or OSError (not an HDF5 file) and KeyError (not an alemsim layout) with the
    path in the message.
    """
    with h5py.File(path, "r") as f:
        if group not in f:
            raise KeyError(f"{path}: no group {group} (a study file's arms are /arms/000, /arms/001, ...)")
        g = f[group]
        if "time_day" not in g or "summary" not in g:
            raise KeyError(f"{path}{'' if group == '/' else ':' + group}: not an alemsim results layout (no time_day or summary)")

        def datasets(name):
            return {k: np.asarray(v[()]) for k, v in g[name].items()} if name in g else {}

        attrs = {k: _plain(v) for k, v in f.attrs.items()}
        attrs.update({k: _plain(v) for k, v in g.attrs.items()})
        return {
            "time_day": np.asarray(g["time_day"][()]),
            "summary": datasets("summary"),
            "series": datasets("series"),
            "metrics": datasets("metrics"),
            "parameters": datasets("parameters"),
            "status": np.asarray(g["status"][()]) if "status" in g else np.zeros(0, dtype=np.int8),
            "fractions_below": datasets("fractions_below"),
            "attrs": attrs,
        }


def _plain(value):
    """An attribute as a Python value: text as str, a one-element array as its element."""
    if isinstance(value, bytes):
        return value.decode()
    if isinstance(value, np.ndarray) and value.size == 1:
        return value.item()
    return value
