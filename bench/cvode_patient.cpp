#include "bench/cvode_patient.hpp"

#include <cstring>
#include <stdexcept>

#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_version.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

#include "models/alemtuzumab_model.hpp"

namespace alemsim::bench {
namespace {

using Model = AlemtuzumabModel;

struct Rhs {
  const Model* model = nullptr;
  double rate_mg_per_day = 0.0;
};

int model_rhs(double t, N_Vector y, N_Vector ydot, void* data) {
  const Rhs& rhs = *static_cast<const Rhs*>(data);
  Model::State x, dxdt;
  std::memcpy(x.data(), N_VGetArrayPointer(y), sizeof x);
  (*rhs.model)(x, dxdt, t);
  for (std::size_t d : Model::kDoseStates) dxdt[d] += rhs.rate_mg_per_day;
  std::memcpy(N_VGetArrayPointer(ydot), dxdt.data(), sizeof dxdt);
  return 0;
}

void check(int flag, const char* call) {
  if (flag < 0) throw std::runtime_error(std::string("CVODE ") + call + " failed with flag " + std::to_string(flag));
}

}  // namespace

struct CvodePatient::Impl {
  SUNContext context = nullptr;
  N_Vector y = nullptr;
  N_Vector abs_tol = nullptr;
  SUNMatrix jacobian = nullptr;
  SUNLinearSolver solver = nullptr;
  void* memory = nullptr;
  Rhs rhs;

  ~Impl() {
    if (memory != nullptr) CVodeFree(&memory);
    if (solver != nullptr) SUNLinSolFree(solver);
    if (jacobian != nullptr) SUNMatDestroy(jacobian);
    if (abs_tol != nullptr) N_VDestroy(abs_tol);
    if (y != nullptr) N_VDestroy(y);
    if (context != nullptr) SUNContext_Free(&context);
  }
};

CvodePatient::CvodePatient(CvodeMethod method, double rel_tol, double abs_tol)
    : impl_(std::make_unique<Impl>()), method_(method) {
  Impl& m = *impl_;
  constexpr auto n = static_cast<sunindextype>(Model::kStateSize);
#if SUNDIALS_VERSION_MAJOR >= 7
  check(SUNContext_Create(SUN_COMM_NULL, &m.context), "SUNContext_Create");
#else
  check(SUNContext_Create(nullptr, &m.context), "SUNContext_Create");
#endif
  m.y = N_VNew_Serial(n, m.context);
  m.abs_tol = N_VNew_Serial(n, m.context);
  N_VConst(abs_tol, m.abs_tol);
  N_VConst(0.0, m.y);
  m.memory = CVodeCreate(method == CvodeMethod::kBdf ? CV_BDF : CV_ADAMS, m.context);
  if (m.memory == nullptr) throw std::runtime_error("CVodeCreate failed");
  check(CVodeInit(m.memory, model_rhs, 0.0, m.y), "CVodeInit");
  check(CVodeSVtolerances(m.memory, rel_tol, m.abs_tol), "CVodeSVtolerances");
  m.jacobian = SUNDenseMatrix(n, n, m.context);
  m.solver = SUNLinSol_Dense(m.y, m.jacobian, m.context);
  check(CVodeSetLinearSolver(m.memory, m.solver, m.jacobian), "CVodeSetLinearSolver");
  check(CVodeSetUserData(m.memory, &m.rhs), "CVodeSetUserData");
  check(CVodeSetMaxNumSteps(m.memory, 1000000), "CVodeSetMaxNumSteps");
}

CvodePatient::~CvodePatient() = default;

std::string CvodePatient::label() const {
  return std::string("SUNDIALS CVODE ") + SUNDIALS_VERSION + (method_ == CvodeMethod::kBdf ? " BDF" : " Adams");
}

std::vector<std::vector<double>> CvodePatient::simulate(const ModelParams& params, const SimulationPlan& plan) {
  Impl& m = *impl_;
  const Model model(params);
  m.rhs.model = &model;
  const std::span<const double> grid = plan.grid_day();
  std::vector<std::vector<double>> series(Model::kOutputs.size(), std::vector<double>(grid.size()));
  const auto store = [&](std::size_t i, const Model::State& x) {
    const auto values = model.outputs(x);
    for (std::size_t q = 0; q < values.size(); ++q) series[q][i] = values[q];
  };
  Model::State x = model.initial_state();
  store(0, x);
  stats_ = {};
  // The segments alemsim integrates (sim/simulate.hpp), each from a fresh start.
  for (const DosingSegment& segment : plan.segments()) {
    const std::size_t first = segment.first, last = segment.last;
    m.rhs.rate_mg_per_day = segment.rate_mg_per_day;
    std::memcpy(N_VGetArrayPointer(m.y), x.data(), sizeof x);
    check(CVodeReInit(m.memory, grid[first], m.y), "CVodeReInit");
    check(CVodeSetStopTime(m.memory, grid[last]), "CVodeSetStopTime");
    for (std::size_t i = first + 1; i <= last; ++i) {
      double reached = 0.0;
      check(CVode(m.memory, grid[i], m.y, &reached, CV_NORMAL), "CVode");
      std::memcpy(x.data(), N_VGetArrayPointer(m.y), sizeof x);
      store(i, x);
    }
    long steps = 0, rhs = 0, jacobian_rhs = 0;
    CVodeGetNumSteps(m.memory, &steps);
    CVodeGetNumRhsEvals(m.memory, &rhs);
    CVodeGetNumLinRhsEvals(m.memory, &jacobian_rhs);
    stats_.steps += steps;
    stats_.rhs_evaluations += rhs;
    stats_.jacobian_rhs_evaluations += jacobian_rhs;
  }
  m.rhs.model = nullptr;
  return series;
}

}  // namespace alemsim::bench
