// Settings addressed by path, as study files (docs/studies.md) and `alemsim run --set` name them:
//   courses[K].FIELD, courses[*].FIELD   FIELD: start_day, dose_mg_per_day, infusion_days, infusion_hours
//   parameters.NAME                      a model parameter's typical value (names: models/model.md)
//   variability.cv.NAME                  the CV of NAME's random effect (0 removes it; a new one is added)
//   variability.covariates.FIELD         a covariate model field, e.g. weight_kg_median
// Values are checked against the bounds scenario files accept (docs/scenarios.md).
#pragma once

#include <string>
#include <vector>

#include "models/model_params.hpp"
#include "models/variability.hpp"
#include "sim/regimen.hpp"

namespace alemsim {

// What a setting changes: a scenario's or a study arm's regimen, typical values and variability.
struct SettingTarget {
  std::vector<Course>& courses;
  ModelParams& typical_params;
  VariabilityModel& variability;
};

class SettingPath {
 public:
  // Throws std::invalid_argument saying what was expected: an unknown path, a course the regimen of
  // `courses` courses does not have, an unknown parameter or covariate field.
  static SettingPath parse(const std::string& text, std::size_t courses);

  const std::string& text() const { return text_; }
  // As a person would title an axis, with its unit: "course 3 start (day)", "ada_propensity (-)",
  // "between-patient CV of central_volume_l (fraction)".
  std::string describe() const;
  bool is_course_setting() const { return kind_ == Kind::kCourse; }

  // Sets `value`. Throws std::invalid_argument when it lies outside what a scenario file accepts
  // (a fractional number of infusion days, a parameter beyond 1/1000..1000 times typical, a CV
  // outside 0..2); covariate values are checked where the patients are drawn (PatientSampler).
  void apply(double value, const SettingTarget& target) const;

 private:
  enum class Kind { kCourse, kParameter, kCv, kCovariate };
  Kind kind_ = Kind::kCourse;
  std::string text_;
  int course_ = -1;   // kCourse: -1 for every course
  std::string field_; // kCourse: the course field; kCv: the parameter
  const ParamInfo* parameter_ = nullptr;
  double CovariateModel::*covariate_ = nullptr;
};

}  // namespace alemsim
