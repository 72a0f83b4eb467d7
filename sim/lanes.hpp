// Lanes<N>: N doubles operated on together, one per patient, so that one vector instruction advances
// N patients (AVX2: 4 doubles). It is the scalar type the model's right-hand side is instantiated
// with to integrate several patients at once (sim/patient_lanes.hpp). Each lane is computed as the
// same IEEE operations on its own values; only power() may differ from std::pow in the last bits
// (glibc's vector exp and log).
#pragma once

#include <cmath>
#include <cstddef>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

namespace alemsim {

#if defined(__AVX2__)
// glibc's libmvec, 4 doubles with AVX2 (the vector ABI names GCC emits for `omp declare simd`), each
// within 4 ulp.
extern "C" __m256d _ZGVdN4v_exp(__m256d x);
extern "C" __m256d _ZGVdN4v_log(__m256d x);
#endif

// GCC and Clang vector extension types: arithmetic is element-wise. Spelled out per width because
// GCC ignores vector_size on a typedef that depends on a template parameter.
template <std::size_t N>
struct VectorOfDoubles;
template <>
struct VectorOfDoubles<2> {
  typedef double type __attribute__((vector_size(2 * sizeof(double))));
};
template <>
struct VectorOfDoubles<4> {
  typedef double type __attribute__((vector_size(4 * sizeof(double))));
};
template <>
struct VectorOfDoubles<8> {
  typedef double type __attribute__((vector_size(8 * sizeof(double))));
};

template <std::size_t N>
struct Lanes {
  using Vector = typename VectorOfDoubles<N>::type;
  Vector v;

  static Lanes broadcast(double x) {
    Lanes r;
    for (std::size_t i = 0; i < N; ++i) r.v[i] = x;
    return r;
  }
  double operator[](std::size_t lane) const { return v[lane]; }

  friend Lanes operator+(Lanes a, Lanes b) { return {a.v + b.v}; }
  friend Lanes operator-(Lanes a, Lanes b) { return {a.v - b.v}; }
  friend Lanes operator*(Lanes a, Lanes b) { return {a.v * b.v}; }
  friend Lanes operator/(Lanes a, Lanes b) { return {a.v / b.v}; }
  friend Lanes operator-(Lanes a) { return {-a.v}; }
  friend Lanes operator+(Lanes a, double b) { return a + broadcast(b); }
  friend Lanes operator-(Lanes a, double b) { return a - broadcast(b); }
  friend Lanes operator*(Lanes a, double b) { return a * broadcast(b); }
  friend Lanes operator/(Lanes a, double b) { return a / broadcast(b); }
  friend Lanes operator+(double a, Lanes b) { return broadcast(a) + b; }
  friend Lanes operator-(double a, Lanes b) { return broadcast(a) - b; }
  friend Lanes operator*(double a, Lanes b) { return broadcast(a) * b; }
  friend Lanes operator/(double a, Lanes b) { return broadcast(a) / b; }

  // max(0, x) per lane, as the scalar zero_floor (models/alemtuzumab_model.hpp).
  friend Lanes zero_floor(Lanes a) {
    Lanes r;
    for (std::size_t i = 0; i < N; ++i) r.v[i] = a.v[i] > 0.0 ? a.v[i] : 0.0;
    return r;
  }

  // base^exponent for base >= 0 and exponent > 0 (the model's only use: BAFF^γ). With AVX2 as
  // exp(exponent·log(base)): libmvec's vector pow measured 55 ns for 4 lanes, exp and log 41 ns
  // (bench/README.md). log(0) = −∞ gives 0, as pow(0, exponent) does.
  friend Lanes power(Lanes base, Lanes exponent) {
    Lanes r;
#if defined(__AVX2__)
    if constexpr (N % 4 == 0) {
      for (std::size_t i = 0; i < N; i += 4) {
        const __m256d b = _mm256_loadu_pd(&reinterpret_cast<const double*>(&base.v)[i]);
        const __m256d e = _mm256_loadu_pd(&reinterpret_cast<const double*>(&exponent.v)[i]);
        _mm256_storeu_pd(&reinterpret_cast<double*>(&r.v)[i], _ZGVdN4v_exp(_mm256_mul_pd(e, _ZGVdN4v_log(b))));
      }
      return r;
    }
#endif
    for (std::size_t i = 0; i < N; ++i) r.v[i] = std::pow(base.v[i], exponent.v[i]);
    return r;
  }
};

}  // namespace alemsim
