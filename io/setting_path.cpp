#include "io/setting_path.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <regex>
#include <stdexcept>
#include <system_error>

namespace alemsim {
namespace {

const char* const kExpected =
    "expected courses[K].FIELD or courses[*].FIELD with FIELD one of start_day, dose_mg_per_day, infusion_days, "
    "infusion_hours; parameters.NAME; variability.cv.NAME; or variability.covariates.FIELD";

}  // namespace

SettingPath SettingPath::parse(const std::string& text, std::size_t courses) {
  static const std::regex course_pattern(R"(courses\[(\*|[0-9]+)\]\.(start_day|dose_mg_per_day|infusion_days|infusion_hours))");
  static const std::regex other_pattern(R"((parameters|variability\.cv|variability\.covariates)\.([A-Za-z0-9_]+))");
  SettingPath s;
  s.text_ = text;
  std::smatch m;
  if (std::regex_match(text, m, course_pattern)) {
    s.kind_ = Kind::kCourse;
    s.field_ = m[2].str();
    if (m[1] != "*") {
      const std::string index = m[1].str();
      std::size_t course = 0;
      const auto [end, error] = std::from_chars(index.data(), index.data() + index.size(), course);
      if (error != std::errc() || course >= courses) {
        throw std::invalid_argument("the base scenario has " + std::to_string(courses) + " courses (courses[0] to courses[" +
                                    std::to_string(courses - 1) + "])");
      }
      s.course_ = static_cast<int>(course);
    }
    return s;
  }
  if (!std::regex_match(text, m, other_pattern)) throw std::invalid_argument(std::string("unknown setting; ") + kExpected);
  const std::string group = m[1].str(), name = m[2].str();
  if (group == "variability.covariates") {
    s.kind_ = Kind::kCovariate;
    std::string list;
    for (const CovariateField& f : kCovariateFields) {
      if (f.name == name) s.covariate_ = f.member;
      list += (list.empty() ? "" : ", ") + std::string(f.name);
    }
    if (s.covariate_ == nullptr) throw std::invalid_argument("unknown covariate field; expected one of: " + list);
    return s;
  }
  s.parameter_ = find_param(name);
  if (s.parameter_ == nullptr) throw std::invalid_argument("unknown parameter '" + name + "' (names: models/model.md)");
  s.kind_ = group == "parameters" ? Kind::kParameter : Kind::kCv;
  s.field_ = name;
  return s;
}

std::string SettingPath::describe() const {
  switch (kind_) {
    case Kind::kCourse: {
      const std::string course = course_ < 0 ? "every course" : "course " + std::to_string(course_ + 1);
      if (field_ == "start_day") return course + " start (day)";
      if (field_ == "dose_mg_per_day") return course + " dose (mg/day)";
      if (field_ == "infusion_days") return course + " infusion days";
      return course + " infusion length (h)";
    }
    case Kind::kParameter:
      return std::string(parameter_->name) + " (" + std::string(parameter_->unit) + ")";
    case Kind::kCv:
      return "between-patient CV of " + field_ + " (fraction)";
    case Kind::kCovariate:
      for (const CovariateField& f : kCovariateFields) {
        if (f.member == covariate_) return "covariate " + std::string(f.name);
      }
  }
  return text_;
}

void SettingPath::apply(double value, const SettingTarget& target) const {
  switch (kind_) {
    case Kind::kCourse:
      for (std::size_t k = 0; k < target.courses.size(); ++k) {
        if (course_ >= 0 && static_cast<std::size_t>(course_) != k) continue;
        Course& c = target.courses[k];
        if (field_ == "start_day") {
          c.start_day = value;
        } else if (field_ == "dose_mg_per_day") {
          c.dose_mg_per_day = value;
        } else if (field_ == "infusion_hours") {
          c.infusion_hours = value;
        } else {
          if (value != std::floor(value) || value < 1 || value > 31) {
            throw std::invalid_argument("expected a whole number of days from 1 to 31, got " + format_number(value));
          }
          c.infusion_days = static_cast<int>(value);
        }
      }
      return;
    case Kind::kParameter:
      if (const std::string problem = implausible_value(*parameter_, value); !problem.empty()) {
        throw std::invalid_argument(problem);
      }
      target.typical_params.*parameter_->field = value;
      return;
    case Kind::kCv: {
      if (!(value >= 0.0 && value <= kMaxCv)) throw std::invalid_argument("expected a CV from 0 to 2 (200%)");
      auto& effects = target.variability.effects;
      auto it = std::find_if(effects.begin(), effects.end(), [&](const RandomEffect& e) { return e.parameter == field_; });
      if (it == effects.end()) {
        effects.push_back({field_, value, "setting " + text_});
      } else {
        it->cv = value;
        it->source = "setting " + text_;
      }
      return;
    }
    case Kind::kCovariate:
      target.variability.covariates.*covariate_ = value;
      return;
  }
}

}  // namespace alemsim
