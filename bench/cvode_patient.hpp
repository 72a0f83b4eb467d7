// The model integrated by SUNDIALS CVODE (BDF or Adams–Moulton, Newton iteration with a dense
// linear solver and CVODE's difference-quotient Jacobian), through the same plan as alemsim: the
// right-hand side is AlemtuzumabModel's own, restarted (CVodeReInit) at every infusion start and
// end with the rate added to the dose state in between, each segment ended exactly by a stop time,
// outputs at the plan's grid times from CVODE's interpolating polynomial (CV_NORMAL).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "models/model_params.hpp"
#include "sim/plan.hpp"

namespace alemsim::bench {

enum class CvodeMethod { kBdf, kAdams };

struct CvodeStats {
  long steps = 0;
  long rhs_evaluations = 0;           // by the integrator
  long jacobian_rhs_evaluations = 0;  // by the difference-quotient Jacobian
};

// One CVODE integrator, created once and reinitialised for every patient.
class CvodePatient {
 public:
  // rel_tol scalar; abs_tol the same for every component (CVodeSVtolerances: per component).
  CvodePatient(CvodeMethod method, double rel_tol, double abs_tol);
  ~CvodePatient();
  CvodePatient(const CvodePatient&) = delete;
  CvodePatient& operator=(const CvodePatient&) = delete;

  // series[q][i]: output q (patient_outputs()) at plan.grid_day()[i]. Throws std::runtime_error
  // with CVODE's flag when a call fails.
  std::vector<std::vector<double>> simulate(const ModelParams& params, const SimulationPlan& plan);
  // Counts of the last simulate().
  CvodeStats stats() const { return stats_; }

  // "SUNDIALS CVODE 6.4.1 BDF" and the like.
  std::string label() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  CvodeMethod method_;
  CvodeStats stats_;
};

}  // namespace alemsim::bench
