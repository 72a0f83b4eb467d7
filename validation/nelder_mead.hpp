// Nelder–Mead simplex minimiser (Nelder & Mead, Computer Journal 1965; the standard coefficients
// reflection 1, expansion 2, contraction 0.5, shrink 0.5 as in Lagarias et al., SIAM J Optim 1998).
// Deterministic: the same start gives the same answer.
#pragma once

#include <algorithm>
#include <functional>
#include <numeric>
#include <vector>

namespace alemsim {

struct NelderMeadResult {
  std::vector<double> x;
  double value = 0.0;
  int evaluations = 0;
  bool converged = false;
};

// Minimises f from x0; the initial simplex moves each coordinate by `step`. Stops when the spread of
// function values in the simplex falls below f_tol or after max_evaluations.
inline NelderMeadResult nelder_mead(const std::function<double(const std::vector<double>&)>& f, std::vector<double> x0,
                                    double step, double f_tol, int max_evaluations) {
  const std::size_t n = x0.size();
  std::vector<std::vector<double>> simplex(n + 1, x0);
  for (std::size_t i = 0; i < n; ++i) simplex[i + 1][i] += step;
  std::vector<double> values(n + 1);
  int evaluations = 0;
  auto eval = [&](const std::vector<double>& x) {
    ++evaluations;
    return f(x);
  };
  for (std::size_t i = 0; i <= n; ++i) values[i] = eval(simplex[i]);

  auto point = [&](const std::vector<double>& centroid, const std::vector<double>& worst, double t) {
    std::vector<double> p(n);
    for (std::size_t j = 0; j < n; ++j) p[j] = centroid[j] + t * (worst[j] - centroid[j]);
    return p;
  };

  while (evaluations < max_evaluations) {
    std::vector<std::size_t> order(n + 1);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    const std::size_t best = order.front();
    const std::size_t worst = order.back();
    const std::size_t second_worst = order[n - 1];
    if (values[worst] - values[best] < f_tol) break;

    std::vector<double> centroid(n, 0.0);
    for (std::size_t i = 0; i <= n; ++i) {
      if (i == worst) continue;
      for (std::size_t j = 0; j < n; ++j) centroid[j] += simplex[i][j] / static_cast<double>(n);
    }
    const auto reflected = point(centroid, simplex[worst], -1.0);
    const double f_reflected = eval(reflected);
    if (f_reflected < values[best]) {
      const auto expanded = point(centroid, simplex[worst], -2.0);
      const double f_expanded = eval(expanded);
      if (f_expanded < f_reflected) {
        simplex[worst] = expanded;
        values[worst] = f_expanded;
      } else {
        simplex[worst] = reflected;
        values[worst] = f_reflected;
      }
      continue;
    }
    if (f_reflected < values[second_worst]) {
      simplex[worst] = reflected;
      values[worst] = f_reflected;
      continue;
    }
    const bool outside = f_reflected < values[worst];
    const auto contracted = point(centroid, simplex[worst], outside ? -0.5 : 0.5);
    const double f_contracted = eval(contracted);
    if (f_contracted < std::min(f_reflected, values[worst])) {
      simplex[worst] = contracted;
      values[worst] = f_contracted;
      continue;
    }
    for (std::size_t i = 0; i <= n; ++i) {
      if (i == best) continue;
      for (std::size_t j = 0; j < n; ++j) simplex[i][j] = simplex[best][j] + 0.5 * (simplex[i][j] - simplex[best][j]);
      values[i] = eval(simplex[i]);
    }
  }
  const auto best_it = std::min_element(values.begin(), values.end());
  const auto best_index = static_cast<std::size_t>(best_it - values.begin());
  const bool converged =
      *std::max_element(values.begin(), values.end()) - *best_it < f_tol;
  return {simplex[best_index], *best_it, evaluations, converged};
}

}  // namespace alemsim
