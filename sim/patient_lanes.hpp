// Several patients integrated as one system, one patient per SIMD lane: the model's right-hand side
// instantiated with Lanes<N> advances N patients per instruction, and one step controller serves
// all of them (odeint's error norm is the largest over every component, so every lane meets the
// tolerance of a patient integrated alone; the step is the one the hardest lane allows).
// A population run groups patients by index (sim/population.cpp), so the same patient always
// shares its lanes with the same others, whatever the thread count or batch size.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstring>
#include <utility>

#include "models/alemtuzumab_model.hpp"
#include "sim/lanes.hpp"

namespace alemsim {

// Patients per lane group. Four doubles fill an AVX2 register (bench/README.md has the measurement).
inline constexpr std::size_t kPatientLanes = 4;

template <std::size_t N>
struct PatientLanes {
  using Model = AlemtuzumabModel;
  using Lane = Lanes<N>;
  static constexpr std::size_t kLanes = N;
  // State-major: component s of patient l is x[s·N + l], so one component of all patients is one vector.
  using State = std::array<double, Model::kStateSize * N>;
  static constexpr std::array<std::size_t, N> kDoseStates = [] {
    std::array<std::size_t, N> states{};
    for (std::size_t l = 0; l < N; ++l) states[l] = Model::kDoseState * N + l;
    return states;
  }();

  std::array<Model, N> patients;
  Model::RateConstants<Lane> constants;

  explicit PatientLanes(const std::array<ModelParams, N>& params)
      : patients(models_of(params, std::make_index_sequence<N>{})), constants(transpose(patients)) {}

  template <std::size_t... L>
  static std::array<Model, N> models_of(const std::array<ModelParams, N>& params, std::index_sequence<L...>) {
    return {Model{params[L]}...};
  }

  // The constants of N patients as one record of lanes: RateConstants<T> holds T and arrays of T
  // only, so each record is an array of its values and the lane record is their transpose.
  static Model::RateConstants<Lane> transpose(const std::array<Model, N>& models) {
    constexpr std::size_t kValues = sizeof(Model::RateConstants<double>) / sizeof(double);
    static_assert(sizeof(Model::RateConstants<Lane>) == kValues * sizeof(Lane), "RateConstants must hold T only");
    std::array<Lane, kValues> lanes;
    for (std::size_t l = 0; l < N; ++l) {
      const auto values = std::bit_cast<std::array<double, kValues>>(models[l].k);
      for (std::size_t j = 0; j < kValues; ++j) lanes[j].v[l] = values[j];
    }
    return std::bit_cast<Model::RateConstants<Lane>>(lanes);
  }

  State initial_state() const {
    State x{};
    for (std::size_t l = 0; l < N; ++l) set_lane(x, l, patients[l].initial_state());
    return x;
  }

  static Model::State lane(const State& x, std::size_t l) {
    Model::State s;
    for (std::size_t i = 0; i < Model::kStateSize; ++i) s[i] = x[i * N + l];
    return s;
  }
  static void set_lane(State& x, std::size_t l, const Model::State& s) {
    for (std::size_t i = 0; i < Model::kStateSize; ++i) x[i * N + l] = s[i];
  }

  // Component i of every lane, read and written in place as one vector (no copy of the state).
  struct LaneReader {
    const double* x;
    Lane operator[](std::size_t i) const {
      Lane r;
      std::memcpy(&r.v, x + i * N, sizeof r.v);
      return r;
    }
  };
  struct LaneWriter {
    struct Component {
      double* x;
      void operator=(const Lane& value) { std::memcpy(x, &value.v, sizeof value.v); }
    };
    double* x;
    Component operator[](std::size_t i) { return {x + i * N}; }
  };

  void operator()(const State& x, State& dxdt, double /*t_day*/) const {
    LaneWriter out{dxdt.data()};
    Model::rates(constants, LaneReader{x.data()}, out);
  }
};

}  // namespace alemsim
