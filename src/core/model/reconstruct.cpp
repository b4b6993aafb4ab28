#include "core/model/reconstruct.hpp"

#include "core/base/input_error.hpp"

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

// The Table I targets a scenario left at 0, the default, which means unset: muxsim cannot
// take them from a profile the way it takes the two accuracies.
std::string unset_binary_targets(const BinaryMarginals& m) {
  if (m.local_fraction == 0 && m.hybrid_accuracy == 0)
    return "target_local_fraction and target_hybrid_accuracy";
  if (m.local_fraction == 0) return "target_local_fraction";
  if (m.hybrid_accuracy == 0) return "target_hybrid_accuracy";
  return "";
}

constexpr const char* kTable1Keys =
    "[reconstruct] target_local_fraction and target_hybrid_accuracy (the fraction hybrid "
    "keeps on the phone and its accuracy; target_mobile_accuracy and target_cloud_accuracy "
    "default to the profiles'; docs/paper.md)";

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
      local_both_right < 0 || local_both_right > local) {
    const std::string unset = unset_binary_targets(m);
    // Nothing set: say which keys to set rather than which counts clash.
    if (n > 0 && m.local_fraction == 0 && m.hybrid_accuracy == 0)
      throw InputError(fmt::format("reconstruct:table1 needs {}", kTable1Keys));
    throw InputError(fmt::format(
        "reconstruct:table1: the targets cannot hold together (inputs {}, mobile right {}, cloud "
        "right {}, local {}, hybrid right {}){}",
        n, right_m, right_c, local, right_h,
        unset.empty() ? ""
                      : fmt::format("; {} is left at 0, unset: reconstruct:table1 needs {}", unset,
                                    kTable1Keys)));
  }
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

namespace {

// Counts that sum exactly to round(total_fraction x inputs), each near fraction_i x inputs
// (largest remainders get the leftover units).
std::vector<long> apportion(const std::vector<double>& fractions, long target) {
  const double sum = std::accumulate(fractions.begin(), fractions.end(), 0.0);
  std::vector<long> out;
  std::vector<std::pair<double, std::size_t>> remainders;
  long used = 0;
  for (std::size_t i = 0; i < fractions.size(); ++i) {
    const double exact = fractions[i] / sum * static_cast<double>(target);
    out.push_back(static_cast<long>(std::floor(exact)));
    used += out.back();
    remainders.push_back({exact - std::floor(exact), i});
  }
  std::sort(remainders.begin(), remainders.end(), std::greater<>());
  for (long k = 0; k < target - used; ++k)
    ++out[remainders[static_cast<std::size_t>(k)].second];
  return out;
}

} // namespace

std::vector<long> solve_ensemble_extras(const EnsembleTargets& t, const std::vector<double>& gflops,
                                        const std::vector<double>& latency_ms, long inputs) {
  auto i = [](int v) { return static_cast<std::size_t>(v); };
  const double n = static_cast<double>(inputs);
  const long k = std::lround(t.delta_gflops * n / gflops[i(t.extra)]);
  const double rise_a = latency_ms[i(t.extra)] - latency_ms[i(t.source_a)];
  const double rise_b = latency_ms[i(t.extra)] - latency_ms[i(t.source_b)];
  if (rise_a == rise_b)
    throw InputError("reconstruct:table2: the two ensemble sources must differ in latency");
  const long k_a =
      std::lround((t.delta_latency_ms * n - static_cast<double>(k) * rise_b) / (rise_a - rise_b));
  std::vector<long> extra(gflops.size(), 0);
  extra[i(t.source_a)] = k_a;
  extra[i(t.source_b)] = k - k_a;
  if (k < 0 || k_a < 0 || k - k_a < 0)
    throw InputError(fmt::format("reconstruct:table2: no ensemble reproduces a rise of {} G and "
                                 "{} ms with these sources ({} and {} inputs)",
                                 t.delta_gflops, t.delta_latency_ms, k_a, k - k_a));
  return extra;
}

namespace {

// Which model each input is called for, how hard it is, and who gets it right.
struct Assignment {
  std::vector<int> chosen;               // input j: the model it is called for
  std::vector<long> order;               // inputs, easiest first
  std::vector<std::vector<int>> correct; // [j][i]: -1 undecided, 0 wrong, 1 right
  std::vector<int> role;                 // 1: ensemble extra, 2: extra that wins the vote
};

// Input j is called for a model (`called` of each), has a random difficulty rank, and its
// called model is right on the easiest `own_right` of its inputs.
Assignment assign_called(const MultiplexedMarginals& m, const std::vector<long>& called,
                         const std::vector<long>& own_right, std::mt19937_64& rng) {
  const long n = m.inputs;
  const std::size_t models = m.models.size();
  Assignment a;
  for (std::size_t i = 0; i < models; ++i)
    a.chosen.insert(a.chosen.end(), static_cast<std::size_t>(called[i]), static_cast<int>(i));
  std::vector<long> difficulty(static_cast<std::size_t>(n));
  std::iota(difficulty.begin(), difficulty.end(), 0L);
  for (std::size_t j = difficulty.size(); j > 1; --j)
    std::swap(difficulty[j - 1], difficulty[static_cast<std::size_t>(rng() % j)]);
  a.correct.assign(static_cast<std::size_t>(n), std::vector<int>(models, -1));
  a.role.assign(static_cast<std::size_t>(n), 0);
  a.order.resize(static_cast<std::size_t>(n));
  std::iota(a.order.begin(), a.order.end(), 0L);
  std::sort(a.order.begin(), a.order.end(), [&](long x, long y) {
    return difficulty[static_cast<std::size_t>(x)] < difficulty[static_cast<std::size_t>(y)];
  });
  std::vector<long> given(models, 0);
  for (long j : a.order) {
    const auto c = static_cast<std::size_t>(a.chosen[static_cast<std::size_t>(j)]);
    a.correct[static_cast<std::size_t>(j)][c] = given[c]++ < own_right[c] ? 1 : 0;
  }
  return a;
}

// Ensemble extras: first the flips (the called model wrong, the extra right and more
// confident), then inputs the called model gets right, where the vote cannot go wrong.
void add_ensemble_extras(const MultiplexedMarginals& m, Assignment& a) {
  long flips_left = m.flips;
  if (m.extra_model >= 0) {
    const auto x = static_cast<std::size_t>(m.extra_model);
    for (std::size_t i = 0; i < m.models.size(); ++i) {
      long want = m.extra_inputs[i];
      for (int pass = 0; pass < 2 && want > 0; ++pass)
        for (long j : a.order) {
          const auto ju = static_cast<std::size_t>(j);
          auto& cj = a.correct[ju];
          if (want == 0) break;
          if (static_cast<std::size_t>(a.chosen[ju]) != i || a.role[ju] != 0 ||
              cj[i] != (pass == 0 ? 0 : 1))
            continue;
          if (pass == 0 && flips_left == 0) break;
          a.role[ju] = pass == 0 ? 2 : 1;
          if (pass == 0) {
            cj[x] = 1;
            --flips_left;
          }
          --want;
        }
      if (want > 0)
        throw InputError(fmt::format("reconstruct:table2: {} has too few inputs for {} ensemble "
                                     "extras",
                                     m.models[i], m.extra_inputs[i]));
    }
  }
  if (flips_left > 0)
    throw InputError("reconstruct:table2: too few wrong answers among the extras for the flips");
}

// Every other (input, model) pair: right on the easiest inputs until the model's accuracy.
void fill_accuracies(const MultiplexedMarginals& m, const std::vector<long>& right, Assignment& a) {
  for (std::size_t i = 0; i < m.models.size(); ++i) {
    long have = 0;
    for (const auto& cj : a.correct)
      have += cj[i] == 1;
    for (long j : a.order) {
      int& cij = a.correct[static_cast<std::size_t>(j)][i];
      if (cij != -1) continue;
      cij = have < right[i] ? 1 : 0;
      have += cij;
    }
    if (have != right[i])
      throw InputError(fmt::format("reconstruct:table2: {}'s accuracy cannot be met", m.models[i]));
  }
}

// The trace rows: labels drawn, wrong models each with its own wrong class, confidences and
// scores that make the multiplexer call the chosen model and the extra win its flips.
DecisionTrace write_multiplexed(const MultiplexedMarginals& m, const Assignment& a,
                                std::mt19937_64& rng) {
  DecisionTrace t;
  t.models = m.models;
  t.provenance = kReconstructed;
  for (std::size_t ju = 0; ju < a.correct.size(); ++ju) {
    TraceInput in;
    in.label = static_cast<int>(rng() % kClasses);
    for (std::size_t i = 0; i < m.models.size(); ++i) {
      const bool is_chosen = static_cast<std::size_t>(a.chosen[ju]) == i;
      const bool is_extra = a.role[ju] != 0 && static_cast<int>(i) == m.extra_model;
      const bool ok = a.correct[ju][i] == 1;
      in.correct.push_back(ok);
      in.pred.push_back(ok ? in.label : (in.label + 1 + static_cast<int>(i)) % kClasses);
      in.conf.push_back(is_extra && a.role[ju] == 2 ? 0.9 : is_chosen ? 0.6 : 0.3);
      in.score.push_back(is_chosen ? 0.9 : is_extra ? 0.4 : 0.1);
    }
    t.inputs.push_back(std::move(in));
  }
  shuffle(t.inputs, rng);
  return t;
}

} // namespace

DecisionTrace reconstruct_multiplexed(const MultiplexedMarginals& m, unsigned long seed) {
  const long n = m.inputs;
  const std::size_t models = m.models.size();
  if (n <= 0 || models == 0 || m.accuracy.size() != models || m.called.size() != models)
    throw InputError("reconstruct:table2: one accuracy and one called fraction per model");
  const std::vector<long> called = apportion(m.called, n);
  std::vector<long> right(models);
  for (std::size_t i = 0; i < models; ++i)
    right[i] = count(m.accuracy[i], n);
  // Right answers of each model among the inputs it is called for, summing to the
  // hybrid-single accuracy.
  const std::vector<long> own_right = apportion(m.called, count(m.single_accuracy, n));
  std::mt19937_64 rng(seed);
  Assignment a = assign_called(m, called, own_right, rng);
  add_ensemble_extras(m, a);
  fill_accuracies(m, right, a);
  return write_multiplexed(m, a, rng);
}

} // namespace muxsim
