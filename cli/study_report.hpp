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

// SVG document of outcome `m` (median and 5-95% band) against the first swept setting, one line per
// combination of the other settings. Only for studies with a sweep.
std::string study_plot_svg(const StudyFile& study, const std::vector<ArmSummary>& arms, std::size_t m);

}  // namespace alemsim
