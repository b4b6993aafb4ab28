#include "core/reconstruct.hpp"

#include "core/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <numeric>
#include <random>

namespace muxsim {

namespace {

constexpr int kClasses = 1000; // ImageNet

// Portable uniform in [0, 1): libstdc++'s distributions are not specified bit for bit.
double uniform(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

double score_on_side(std::mt19937_64& rng, bool high) {
  const double u = uniform(rng) * 0.5;
  return high ? 0.5 + u : u;
}

void fill_model(TraceInput& in, std::mt19937_64& rng, bool correct, double score) {
  in.correct.push_back(correct);
  in.pred.push_back(correct ? in.label : (in.label + 1) % kClasses);
  in.conf.push_back(correct ? 0.5 + 0.5 * uniform(rng) : 0.1 + 0.4 * uniform(rng));
  in.score.push_back(score);
}

long count(double fraction, long inputs) {
  return std::lround(fraction * static_cast<double>(inputs));
}

void shuffle(std::vector<TraceInput>& inputs, std::mt19937_64& rng) {
  for (std::size_t i = inputs.size(); i > 1; --i)
    std::swap(inputs[i - 1], inputs[static_cast<std::size_t>(rng() % i)]);
  for (std::size_t i = 0; i < inputs.size(); ++i)
    inputs[i].input_id = fmt::format("r{:05d}", i);
}

} // namespace

DecisionTrace reconstruct_binary(const BinaryMarginals& m, unsigned long seed) {
  const long n = m.inputs, right_m = count(m.mobile_accuracy, n),
             right_c = count(m.cloud_accuracy, n);
  const long local = count(m.local_fraction, n), right_h = count(m.hybrid_accuracy, n);
  // Offloaded phone-right inputs are cloud-right too; the rest of the hybrid's right answers
  // come from phone-wrong inputs the cloud gets right.
  const long offloaded_mobile_right = right_m - local;
  const long cloud_rescues = right_h - right_m;
  const long local_both_right = right_c - offloaded_mobile_right - cloud_rescues;
  if (n <= 0 || local > right_m || cloud_rescues < 0 || cloud_rescues > n - right_m ||
      local_both_right < 0 || local_both_right > local)
    throw InputError(fmt::format(
        "reconstruct:table1: the targets cannot hold together (inputs {}, mobile right {}, cloud "
        "right {}, local {}, hybrid right {})",
        n, right_m, right_c, local, right_h));
  std::mt19937_64 rng(seed);
  DecisionTrace t;
  t.models = {m.mobile, m.cloud};
  t.provenance = kReconstructed;
  auto add = [&](long how_many, bool mobile_right, bool cloud_right, bool keep_local) {
    for (long i = 0; i < how_many; ++i) {
      TraceInput in;
      in.label = static_cast<int>(rng() % kClasses);
      fill_model(in, rng, mobile_right, score_on_side(rng, keep_local));
      fill_model(in, rng, cloud_right, score_on_side(rng, cloud_right));
      t.inputs.push_back(std::move(in));
    }
  };
  add(local_both_right, true, true, true);
  add(local - local_both_right, true, false, true);
  add(offloaded_mobile_right, true, true, false);
  add(cloud_rescues, false, true, false);
  add(n - right_m - cloud_rescues, false, false, false);
  shuffle(t.inputs, rng);
  return t;
}

DecisionTrace reconstruct_nested(const std::vector<std::string>& models,
                                 const std::vector<double>& accuracy, long inputs, double mux_error,
                                 unsigned long seed) {
  if (inputs <= 0) throw InputError("reconstruct:table2: reconstruct_inputs must be positive");
  if (mux_error < 0 || mux_error >= 0.5)
    throw InputError("reconstruct:table2: reconstruct_mux_error must be in [0, 0.5)");
  std::mt19937_64 rng(seed);
  DecisionTrace t;
  t.models = models;
  t.provenance = kReconstructed;
  for (long j = 0; j < inputs; ++j) {
    TraceInput in;
    in.label = static_cast<int>(rng() % kClasses);
    // Input j is the j-th easiest; a model with accuracy a gets the easiest a*inputs right.
    for (std::size_t i = 0; i < models.size(); ++i) {
      const bool right = j < count(accuracy[i], inputs);
      const bool flipped = uniform(rng) < mux_error;
      fill_model(in, rng, right, score_on_side(rng, right != flipped));
    }
    t.inputs.push_back(std::move(in));
  }
  shuffle(t.inputs, rng);
  return t;
}

} // namespace muxsim
