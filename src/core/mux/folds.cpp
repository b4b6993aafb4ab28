#include "core/mux/folds.hpp"

#include "core/base/input_error.hpp"

#include <numeric>
#include <random>

namespace muxsim {

std::vector<int> assign_folds(std::size_t n, int k, std::uint64_t seed) {
  if (k < 2) throw InputError("k-fold needs at least 2 folds");
  if (n < static_cast<std::size_t>(k))
    throw InputError("k-fold needs at least as many inputs as folds");
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  // Fisher-Yates with mt19937_64 draws: unlike std::shuffle, the same on every library.
  std::mt19937_64 rng(seed);
  for (std::size_t i = n - 1; i > 0; --i)
    std::swap(order[i], order[rng() % (i + 1)]);
  std::vector<int> fold(n);
  for (std::size_t rank = 0; rank < n; ++rank)
    fold[order[rank]] = static_cast<int>(rank % k);
  return fold;
}

} // namespace muxsim
