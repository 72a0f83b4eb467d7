"""The Python module against the CLI: same scenarios, same errors, same numbers (docs/python.md).

Run by ctest (test python_module) with PYTHONPATH=build/python, ALEMSIM_CLI and ALEMSIM_SOURCE_DIR set.
"""
import os
import pathlib
import subprocess

import h5py
import numpy as np
import pytest

import alemsim

SOURCE = pathlib.Path(os.environ["ALEMSIM_SOURCE_DIR"])
CLI = os.environ["ALEMSIM_CLI"]
LABEL = str(SOURCE / "scenarios/label.yaml")


def cli(*args):
    return subprocess.run([CLI, *args], cwd=SOURCE, capture_output=True, text=True)


def test_a_scenario_loads_with_its_courses_and_parameters():
    sc = alemsim.Scenario.load(LABEL)
    assert sc.name == "label"
    assert [c["start_day"] for c in sc.courses] == [0.0, 365.0]
    assert sc.courses[0]["infusion_days"] == 5
    names = [p["name"] for p in alemsim.parameters()]
    assert "target_vmax_mg_per_day" in names and len(names) == len(sc.parameters)
    assert sc.parameters["central_volume_l"] == next(p["value"] for p in alemsim.parameters() if p["name"] == "central_volume_l")


def test_a_bad_scenario_raises_the_message_the_cli_prints():
    bad = "tests/data/bad/not-yaml.yaml"
    with pytest.raises(alemsim.ScenarioError) as error:
        alemsim.Scenario.load(str(SOURCE / bad))
    printed = cli("run", bad, "--typical").stderr
    assert str(error.value).split(": ", 1)[1] in printed
    with pytest.raises(alemsim.ScenarioError, match="<string>"):
        alemsim.Scenario.from_yaml("name: x\ncourses: 3\n")


def test_an_unknown_parameter_and_a_bad_patient_count_are_errors():
    sc = alemsim.Scenario.load(LABEL)
    with pytest.raises(ValueError) as error:
        sc.set("parameters.no_such_parameter", 1.0)
    printed = cli("run", "scenarios/label.yaml", "--typical", "--set", "parameters.no_such_parameter=1").stderr
    assert str(error.value) in printed
    with pytest.raises(ValueError, match="no_such_parameter"):
        sc.simulate_typical(no_such_parameter=1.0)
    with pytest.raises(ValueError, match="patients"):
        sc.run_population(patients=-3)
    with pytest.raises(ValueError, match="patients"):
        sc.patients = 0


def test_the_typical_patient_equals_the_cli_series(tmp_path):
    sc = alemsim.Scenario.load(LABEL)
    out = sc.simulate_typical()
    csv = tmp_path / "typical.csv"
    assert cli("run", "scenarios/label.yaml", "--typical", "--out", str(csv)).returncode == 0
    table = np.genfromtxt(csv, delimiter=",", names=True)
    # The CSV prints 10 significant digits.
    np.testing.assert_allclose(out["time_day"], table["time_day"], rtol=1e-9, atol=0)
    np.testing.assert_allclose(out["concentration_ng_per_ml"], table["concentration_ng_per_ml"], rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(out["cd4_cells_per_ul"], table["cd4_cells_per_ul"], rtol=1e-9, atol=1e-9)
    assert out["courses"][0]["cmax_ng_per_ml"] == pytest.approx(3071.1, abs=0.1)
    # Handed to NumPy without a copy: the array does not own its memory.
    assert not out["cd4_cells_per_ul"].flags.owndata


def test_overrides_and_settings_change_the_simulation():
    sc = alemsim.Scenario.load(LABEL)
    assert sc.simulate_typical(target_vmax_mg_per_day=0.5)["courses"][0]["cmax_ng_per_ml"] == pytest.approx(3009.5, abs=0.1)
    edited = sc.copy()
    edited.set("courses[0].dose_mg_per_day", 24.0)
    assert edited.simulate_typical()["courses"][0]["cmax_ng_per_ml"] > 1.9 * 3071.0
    assert sc.courses[0]["dose_mg_per_day"] == 12.0  # the copy is independent
    edited.courses = [{"start_day": 0, "infusion_days": 3, "dose_mg_per_day": 12, "infusion_hours": 4}]
    assert len(edited.simulate_typical()["courses"]) == 1


def test_a_population_equals_the_cli_run_for_the_same_seed_whatever_the_threads(tmp_path):
    sc = alemsim.Scenario.load(LABEL)
    h5 = tmp_path / "population.h5"
    assert cli("run", "scenarios/label.yaml", "--patients", "80", "--quiet", "--out", str(h5)).returncode == 0
    one = sc.run_population(patients=80, threads=1)
    two = sc.run_population(patients=80, threads=2)
    assert one["patients"] == 80 and one["failed"] == 0
    with h5py.File(h5, "r") as f:
        for column, bands in one["percentiles"].items():
            np.testing.assert_array_equal(bands, two["percentiles"][column])
            # The file stores the bands at float precision (docs/output-format.md).
            np.testing.assert_array_equal(bands.astype(np.float32).astype(np.float64), f["summary"][column][()])
    assert one["courses"][0]["cmax_ng_per_ml"]["n"] == 80
    assert one["courses"][0]["cmax_ng_per_ml"]["mean"] == two["courses"][0]["cmax_ng_per_ml"]["mean"]
    assert one["compute_ms"] > 0.0
    # read_results gives the same file as NumPy arrays.
    read = alemsim.read_results(h5)
    np.testing.assert_array_equal(read["time_day"], one["time_day"])
    assert int(read["attrs"]["seed"]) == sc.seed  # stored as text: a uint64 fits no HDF5 reader's int64
    assert read["metrics"]["cmax_ng_per_ml"].shape == (80, 2)
    assert np.nanmean(read["metrics"]["cmax_ng_per_ml"][:, 0]) == pytest.approx(one["courses"][0]["cmax_ng_per_ml"]["mean"], rel=1e-12)
    assert set(read["summary"]) == set(one["percentiles"])


def test_read_results_names_a_file_that_is_not_a_results_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        alemsim.read_results(tmp_path / "missing.h5")
    with h5py.File(tmp_path / "other.h5", "w") as f:
        f["x"] = [1, 2]
    with pytest.raises(KeyError, match="not an alemsim results layout"):
        alemsim.read_results(tmp_path / "other.h5")
