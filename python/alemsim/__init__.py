"""alemsim from Python: scenarios, the typical patient and virtual populations (docs/python.md).

Every call goes through the C++ engine the CLI uses (the extension module _alemsim).
"""
from ._alemsim import Scenario, ScenarioError, SolverError, parameters  # noqa: F401
from .results import read_results  # noqa: F401

__all__ = ["Scenario", "ScenarioError", "SolverError", "parameters", "read_results"]
