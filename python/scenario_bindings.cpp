#include <string>
#include <vector>


#include "io/scenario.hpp"
#include "io/setting_path.hpp"
#include "python/bindings.hpp"
#include "sim/population.hpp"

namespace alemsim::python {
namespace {

py::dict course_dict(const Course& c) {
  py::dict d;
  d["start_day"] = c.start_day;
  d["infusion_days"] = c.infusion_days;
  d["dose_mg_per_day"] = c.dose_mg_per_day;
  d["infusion_hours"] = c.infusion_hours;
  d["missed_days"] = c.missed_days;
  return d;
}

Course course_from(const py::handle& item, std::size_t index) {
  const std::string where = "courses[" + std::to_string(index) + "]";
  if (!py::isinstance<py::dict>(item)) throw py::type_error(where + ": expected a dict of course fields");
  const py::dict d = py::reinterpret_borrow<py::dict>(item);
  for (const auto& [key, value] : d) {
    const std::string k = py::str(key);
    if (k != "start_day" && k != "infusion_days" && k != "dose_mg_per_day" && k != "infusion_hours" && k != "missed_days") {
      throw py::value_error(where + "." + k + ": unknown field; expected start_day, infusion_days, dose_mg_per_day, "
                            "infusion_hours, missed_days");
    }
  }
  const auto required = [&](const char* key) {
    if (!d.contains(key)) throw py::value_error(where + "." + key + ": required field is missing");
    return d[key];
  };
  Course c;
  c.start_day = required("start_day").cast<double>();
  c.infusion_days = required("infusion_days").cast<int>();
  c.dose_mg_per_day = required("dose_mg_per_day").cast<double>();
  c.infusion_hours = required("infusion_hours").cast<double>();
  if (d.contains("missed_days")) c.missed_days = d["missed_days"].cast<std::vector<int>>();
  return c;
}

// `path = value` as `alemsim run --set` applies it (io/setting_path.hpp), with its messages.
void set_setting(Scenario& s, const std::string& path, double value) {
  SettingPath::parse(path, s.courses.size()).apply(value, {s.courses, s.typical_params, s.variability});
}

py::list parameter_table() {
  py::list out;
  for (const ParamInfo& p : param_table()) {
    py::dict d;
    d["name"] = std::string(p.name);
    d["label"] = std::string(p.label);
    d["unit"] = std::string(p.unit);
    d["value"] = p.typical_value;
    d["source"] = std::string(p.source);
    d["may_be_zero"] = p.may_be_zero;
    out.append(d);
  }
  return out;
}

}  // namespace

void bind_scenario(py::module_& m) {
  py::register_exception<ScenarioError>(m, "ScenarioError", PyExc_ValueError);
  m.def("parameters", &parameter_table,
        "Every model parameter: name (as scenario files and set() write it), label, unit, typical value, source, "
        "and whether 0 switches its process off.");

  py::class_<Scenario>(m, "Scenario", "A scenario (docs/scenarios.md): regimen, horizon, population and parameters.")
      .def_static("load", &load_scenario, py::arg("path"),
                  "Reads a scenario file. Raises ScenarioError with the CLI's message (file, line, field) when it is bad.")
      .def_static("from_yaml", &scenario_from_text, py::arg("text"), py::arg("origin") = "<string>",
                  "Reads scenario YAML text; errors name `origin` in place of a file.")
      .def_readonly("path", &Scenario::path)
      .def_readwrite("name", &Scenario::name)
      .def_readwrite("description", &Scenario::description)
      .def_readonly("text", &Scenario::text, "The YAML as read.")
      .def_readwrite("horizon_day", &Scenario::horizon_day)
      .def_readwrite("output_step_day", &Scenario::output_step_day)
      .def_readwrite("seed", &Scenario::seed)
      .def_property(
          "patients", [](const Scenario& s) { return s.patients; },
          [](Scenario& s, std::int64_t n) {
            if (n < 1 || n > kMaxPatients) {
              throw py::value_error("patients: expected a whole number from 1 to " + std::to_string(kMaxPatients));
            }
            s.patients = n;
          })
      .def_property(
          "courses",
          [](const Scenario& s) {
            py::list out;
            for (const Course& c : s.courses) out.append(course_dict(c));
            return out;
          },
          [](Scenario& s, const py::list& courses) {
            std::vector<Course> parsed;
            for (std::size_t i = 0; i < courses.size(); ++i) parsed.push_back(course_from(courses[i], i));
            validate_regimen(parsed);
            s.courses = std::move(parsed);
          },
          "The courses as a list of dicts (start_day, infusion_days, dose_mg_per_day, infusion_hours, missed_days); "
          "assign a new list to change them (checked as a scenario file's are).")
      .def_property_readonly(
          "parameters",
          [](const Scenario& s) {
            py::dict d;
            for (const ParamInfo& p : param_table()) d[py::str(std::string(p.name))] = s.typical_params.*p.field;
            return d;
          },
          "The typical patient's parameters, name -> value (a copy: change them with set()).")
      .def("set", &set_setting, py::arg("path"), py::arg("value"),
           "Changes one setting as `alemsim run --set PATH=VALUE` does: courses[K].FIELD, courses[*].FIELD, "
           "parameters.NAME, variability.cv.NAME, variability.covariates.FIELD. Raises ValueError with the CLI's message.")
      .def("copy", [](const Scenario& s) { return Scenario(s); }, "An independent copy.")
      .def("__repr__", [](const Scenario& s) {
        return "<alemsim.Scenario " + s.name + ": " + std::to_string(s.courses.size()) + " course(s), " +
               std::to_string(s.patients) + " patients, horizon " + std::to_string(s.horizon_day) + " days>";
      });
}

}  // namespace alemsim::python
