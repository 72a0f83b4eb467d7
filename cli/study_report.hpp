// Study results as text: the terminal table, outcomes.csv, outcomes.md and SVG plots.
#pragma once

#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "io/study_file.hpp"
#include "sim/study.hpp"

namespace alemsim {

void print_study_table(std::FILE* out, const StudyFile& study, const std::vector<ArmSummary>& arms);

// One row per (arm, outcome): arm, each swept setting, outcome, unit, patients, n, mean, median, p5,
// p95, diff_mean, diff_p5, diff_p95 (paired differences to the reference arm).
void write_study_csv(std::ostream& out, const StudyFile& study, const std::vector<ArmSummary>& arms);

// One Markdown table per outcome.
void write_study_markdown(std::ostream& out, const StudyFile& study, const std::vector<ArmSummary>& arms);

// SVG document of outcome `m` of the outcome course: for a sweep, the median with its 95% interval
// and the 5th-95th percentile band against the first swept setting, one line per combination of the
// other settings; for a list of arms, a point per arm with those intervals. A 0/1 outcome
// (incomplete depletion) is drawn as a proportion with its Wilson interval.
std::string study_plot_svg(const StudyFile& study, const std::vector<ArmSummary>& arms, std::size_t m);

// SVG document of the Kaplan–Meier curves of recovery threshold `j` (RecoveryAnalysis::thresholds())
// after the outcome course: every arm of a list, at most six arms of a sweep.
std::string study_survival_svg(const StudyFile& study, const std::vector<ArmSummary>& arms, std::size_t j);

}  // namespace alemsim
