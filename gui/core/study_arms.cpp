#include "gui/core/study_arms.hpp"

#include <algorithm>
#include <stdexcept>

#include "gui/core/h5_reader.hpp"
#include "io/hdf5_names.hpp"

namespace alemsim::gui {
namespace {

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Arm groups are numbered 000, 001, ...; a study of more than 999 arms has 4-digit names, so they
// are ordered by number, not as text. Any other name (a newer layout) comes after, alphabetically.
bool arm_order(const std::string& a, const std::string& b) {
  const bool na = all_digits(a), nb = all_digits(b);
  if (na != nb) return na;
  if (na && a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

}  // namespace

std::string arm_number(const StudyArmEntry& arm) { return arm.group.substr(arm.group.rfind('/') + 1); }

StudyArms list_study_arms(const std::string& path) {
  const H5Reader h5(path);
  StudyArms out;
  out.path = path;
  out.study = h5.has(hdf5_names::kArms);
  if (!out.study) return out;
  std::vector<std::string> groups = h5.groups_in(hdf5_names::kArms);
  if (groups.empty()) throw std::runtime_error(path + ": /arms holds no arm groups (not an alemsim study file?)");
  std::sort(groups.begin(), groups.end(), arm_order);
  const std::string reference = h5.text_attribute("/", hdf5_names::kReferenceArm);
  for (const std::string& group : groups) {
    StudyArmEntry arm{hdf5_names::member(hdf5_names::kArms, group), h5.text_attribute(hdf5_names::member(hdf5_names::kArms, group), hdf5_names::kName)};
    if (arm.name.empty()) arm.name = group;
    if (!reference.empty() && arm.name == reference) out.reference_arm = out.arms.size();
    out.arms.push_back(std::move(arm));
  }
  return out;
}

const StudyArmEntry& study_arm(const StudyArms& arms, long long index) {
  if (!arms.study) throw std::runtime_error(arms.path + " is a run file (one population), not a study: it has no arms");
  const auto count = static_cast<long long>(arms.arms.size());
  if (index < 0 || index >= count) {
    throw std::runtime_error(arms.path + " has " + std::to_string(count) + " arms, numbered 0 to " +
                             std::to_string(count - 1) + ": there is no arm " + std::to_string(index));
  }
  return arms.arms[static_cast<std::size_t>(index)];
}

}  // namespace alemsim::gui
