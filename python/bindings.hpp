// The pieces of the Python module alemsim (python/module.cpp): every call goes through the engine
// and the file formats the CLI uses; nothing here simulates on its own.
#pragma once

#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>  // in every unit alike: std::optional, std::vector and the like as Python objects

namespace alemsim::python {

namespace py = pybind11;

// A NumPy array that takes over `values` without copying (the vector lives as long as the array).
py::array_t<double> to_numpy(std::vector<double>&& values);

// Scenario, its loaders and editors, and alemsim.parameters().
void bind_scenario(py::module_& m);
// Scenario.simulate_typical and Scenario.run_population.
void bind_simulation(py::module_& m);

}  // namespace alemsim::python
