#include "learn/zoo/zoo_dimec.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"
#include "core/formats/trace.hpp"
#include "core/output/results.hpp"
#include "learn/data/idx.hpp"
#include "learn/zoo/zoo_eval.hpp"
#include "learn/zoo/zoo_io.hpp"
#include "learn/zoo/zoo_train.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <numeric>

namespace muxsim::learn {

namespace {

int zoo_index(const Zoo& zoo, const std::string& name, const std::string& option) {
  for (std::size_t m = 0; m < zoo.names.size(); ++m)
    if (zoo.names[m] == name) return static_cast<int>(m);
  throw InputError("command line: " + option + " '" + name +
                   "' is not in the zoo; it has: " + join(zoo.names));
}

// Sigmoid outputs of the one-vs-rest region classifier, normalised to sum to one.
std::vector<std::array<double, 3>> probabilities(const torch::Tensor& scores) {
  const auto a = scores.accessor<float, 2>();
  std::vector<std::array<double, 3>> p(static_cast<std::size_t>(scores.size(0)));
  for (int64_t i = 0; i < scores.size(0); ++i) {
    const double sum = a[i][0] + a[i][1] + a[i][2];
    for (int k = 0; k < 3; ++k)
      p[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)] = a[i][k] / sum;
  }
  return p;
}

std::string report_row(const std::string& split, double easy_at, double hard_at, double mu,
                       const Placement& p, const Placement& cloud) {
  return fmt::format("{},{:.2f},{:.2f},{},{:.4f},{:.4f},{:.4f},{:.4f},{:.4f},{:.4f},{:.4f},{:.4f},"
                     "{:.4f}\n",
                     split, easy_at, hard_at, mu, p.accuracy, p.cost, cloud.accuracy, cloud.cost,
                     1 - p.cost / cloud.cost, cloud.accuracy - p.accuracy, p.share[0], p.share[1],
                     p.share[2]);
}

} // namespace

std::vector<int> place(const std::vector<std::array<double, 3>>& p, double easy_at,
                       double hard_at) {
  std::vector<int> tier;
  for (const auto& q : p)
    tier.push_back(q[0] >= easy_at ? 0 : q[2] >= hard_at ? 2 : 1);
  return tier;
}

Placement score_placement(const std::vector<int>& tier,
                          const std::vector<std::array<bool, 3>>& right,
                          const std::array<double, 3>& cost) {
  Placement p;
  for (std::size_t i = 0; i < tier.size(); ++i) {
    const auto t = static_cast<std::size_t>(tier[i]);
    p.accuracy += right[i][t];
    p.cost += cost[t];
    p.share[t] += 1;
  }
  const double n = static_cast<double>(tier.size());
  p.accuracy /= n, p.cost /= n;
  for (double& s : p.share)
    s /= n;
  return p;
}

namespace {

// Three disjoint sets: cartography samples (the zoo's training images) train the region
// classifier; the images after them (the multiplexer's) choose the thresholds; the trace's
// test images are only placed, then scored.
struct DimecData {
  std::vector<int64_t> carto_rows;
  torch::Tensor x_carto, x_val, y_val, x_test;
};

DimecData load_dimec_data(const DimecOptions& o, const Zoo& zoo, const DecisionTrace& trace) {
  const auto train = read_fashion_mnist(o.run.data, "train");
  const auto test = read_fashion_mnist(o.run.data, "t10k");
  DimecData d;
  const long step = std::max(1L, zoo.zoo_images / o.region_samples);
  for (long s = 0; s < zoo.zoo_images && static_cast<long>(d.carto_rows.size()) < o.region_samples;
       s += step)
    d.carto_rows.push_back(s);
  const int64_t val_end =
      o.run.limit > 0 ? std::min<int64_t>(train.images.size(0), zoo.zoo_images + o.run.limit)
                      : train.images.size(0);
  if (val_end - zoo.zoo_images < 10)
    throw InputError(o.zoo + ": fewer than 10 training images after the zoo's for validation");
  auto norm = [](const torch::Tensor& x) { return (x - kPixelShift) / kPixelScale; };
  d.x_carto = norm(train.images.index_select(0, torch::tensor(d.carto_rows)));
  d.x_val = norm(train.images.slice(0, zoo.zoo_images, val_end));
  d.y_val = train.labels.slice(0, zoo.zoo_images, val_end);
  d.x_test = norm(test.images.index_select(
      0, torch::tensor(test_rows(trace, o.trace, test.images.size(0), 1), torch::kLong)));
  return d;
}

// The region classifier, fitted on the cartography rows' regions from the phone model's
// last features, and its probabilities on the validation rows, then the test rows.
std::vector<std::array<double, 3>> region_probabilities(const DimecOptions& o, Zoo& zoo, int phone,
                                                        const DimecData& d,
                                                        const std::vector<int>& region) {
  auto& phone_net = zoo.nets[static_cast<std::size_t>(phone)];
  const auto features =
      torch::cat({run_cuts(phone_net, d.x_carto).back(), run_cuts(phone_net, d.x_val).back(),
                  run_cuts(phone_net, d.x_test).back()});
  const auto n_carto = static_cast<std::size_t>(d.x_carto.size(0));
  // One-hot regions for the cartography rows; the other rows' targets are never read.
  auto targets = torch::zeros({features.size(0), 3});
  for (std::size_t i = 0; i < n_carto; ++i)
    targets[static_cast<int64_t>(i)][region[static_cast<std::size_t>(d.carto_rows[i])]] = 1.0f;
  std::vector<std::size_t> fit_rows(n_carto),
      placed_rows(static_cast<std::size_t>(features.size(0)) - n_carto);
  std::iota(fit_rows.begin(), fit_rows.end(), 0);
  std::iota(placed_rows.begin(), placed_rows.end(), n_carto);
  return probabilities(fit_and_score_head(features, targets, fit_rows, placed_rows, o.head));
}

// The (easy, hard) thresholds on the grid that maximise accuracy - mu x cost on validation.
std::pair<double, double> choose_thresholds(const std::vector<std::array<double, 3>>& p_val,
                                            const std::vector<std::array<bool, 3>>& val_right,
                                            const std::array<double, 3>& cost, double mu) {
  double best_easy = 1.01, best_hard = 1.01, best = -1e300;
  std::vector<double> grid;
  for (int k = 1; k <= 19; ++k)
    grid.push_back(0.05 * k);
  grid.push_back(1.01); // never
  for (const double e : grid)
    for (const double h : grid) {
      const auto v = score_placement(place(p_val, e, h), val_right, cost);
      if (v.accuracy - mu * v.cost > best)
        best = v.accuracy - mu * v.cost, best_easy = e, best_hard = h;
    }
  return {best_easy, best_hard};
}

} // namespace

void fit_dimec(const DimecOptions& o) {
  if (!(o.mu >= 0)) throw InputError("command line: --mu must be at least 0");
  if (!(o.edge_offload >= 0) || !(o.cloud_offload >= 0))
    throw InputError("command line: --edge-offload and --cloud-offload must be at least 0");
  if (o.region_samples < 10) throw InputError("command line: --region-samples must be at least 10");
  check_head_options(o.head);
  torch::set_num_threads(o.run.threads);
  Zoo zoo = load_zoo(o.zoo);
  const int tiers[3] = {zoo_index(zoo, o.phone, "--phone"), zoo_index(zoo, o.edge, "--edge"),
                        zoo_index(zoo, o.cloud, "--cloud")};
  DecisionTrace trace = read_trace(o.trace);
  require_zoo_trace(trace, zoo, o.trace);
  if (o.run.limit > 0 && static_cast<std::size_t>(o.run.limit) < trace.inputs.size())
    trace.inputs.resize(static_cast<std::size_t>(o.run.limit));
  const auto region = read_regions(o.cartography, zoo.names, zoo.zoo_images, o.phone, o.zoo);
  const DimecData d = load_dimec_data(o, zoo, trace);
  const auto p = region_probabilities(o, zoo, tiers[0], d, region);
  const auto n_val = static_cast<std::size_t>(d.x_val.size(0));
  const auto n_test = trace.inputs.size();
  const std::vector<std::array<double, 3>> p_val(p.begin(), p.begin() + static_cast<long>(n_val));
  const std::vector<std::array<double, 3>> p_test(p.begin() + static_cast<long>(n_val), p.end());

  // Costs in units of one cloud-model inference: processing (GMACs) plus offloading. The
  // phone model runs on every input, since the region classifier reads its features.
  const double g_cloud = zoo.gflops[static_cast<std::size_t>(tiers[2])];
  const double g_phone = zoo.gflops[static_cast<std::size_t>(tiers[0])] / g_cloud;
  const std::array<double, 3> cost{
      g_phone, g_phone + zoo.gflops[static_cast<std::size_t>(tiers[1])] / g_cloud + o.edge_offload,
      g_phone + 1 + o.cloud_offload};
  const std::array<double, 3> cloud_cost{0, 0, 1 + o.cloud_offload}; // all-cloud: no phone model

  const auto val_pred = run_zoo(zoo, d.x_val).probabilities.argmax(2);
  std::vector<std::array<bool, 3>> val_right(n_val);
  for (std::size_t i = 0; i < n_val; ++i)
    for (int t = 0; t < 3; ++t)
      val_right[i][static_cast<std::size_t>(t)] =
          val_pred[static_cast<int64_t>(i)][tiers[t]].item<int64_t>() ==
          d.y_val[static_cast<int64_t>(i)].item<int64_t>();
  const auto [best_easy, best_hard] = choose_thresholds(p_val, val_right, cost, o.mu);

  // Place the test inputs with the chosen thresholds; only now are their labels read.
  const auto tier = place(p_test, best_easy, best_hard);
  std::vector<std::array<bool, 3>> test_right(n_test);
  for (std::size_t i = 0; i < n_test; ++i) {
    trace.inputs[i].region = tier[i];
    for (int t = 0; t < 3; ++t)
      test_right[i][static_cast<std::size_t>(t)] =
          trace.inputs[i].correct[static_cast<std::size_t>(tiers[t])];
  }
  const std::vector<int> all_cloud_val(n_val, 2), all_cloud_test(n_test, 2);
  std::string report = "split,easy_at,hard_at,mu,accuracy,cost,cloud_accuracy,cloud_cost,"
                       "cost_reduction,accuracy_drop,share_phone,share_edge,share_cloud\n";
  report += report_row("validation", best_easy, best_hard, o.mu,
                       score_placement(place(p_val, best_easy, best_hard), val_right, cost),
                       score_placement(all_cloud_val, val_right, cloud_cost));
  report += report_row("test", best_easy, best_hard, o.mu, score_placement(tier, test_right, cost),
                       score_placement(all_cloud_test, test_right, cloud_cost));
  std::filesystem::create_directories(o.out);
  const std::filesystem::path dir(o.out);
  write_atomically((dir / "trace.csv").string(), trace_csv(trace));
  write_atomically((dir / "dimec_report.csv").string(), report);
  fmt::print(stderr,
             "wrote {}/trace.csv (with region) and dimec_report.csv: thresholds easy "
             ">= {:.2f}, hard >= {:.2f}\n",
             o.out, best_easy, best_hard);
}

} // namespace muxsim::learn
