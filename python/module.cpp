// The Python module alemsim (docs/python.md): scenarios, the typical patient and virtual
// populations from Python, over the same engine as the CLI.
#include "python/bindings.hpp"

PYBIND11_MODULE(_alemsim, m) {
  m.doc() = "alemsim: alemtuzumab pharmacokinetics and lymphocyte depletion (C++ engine)";
  alemsim::python::bind_scenario(m);
  alemsim::python::bind_simulation(m);
}
