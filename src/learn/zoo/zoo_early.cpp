#include "learn/zoo/zoo_early.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"
#include "core/mux/mux_report.hpp"
#include "core/output/results.hpp"
#include "learn/data/idx.hpp"
#include "learn/mux/mux_net.hpp"
#include "learn/mux/mux_train.hpp"
#include "learn/zoo/zoo_distill.hpp"
#include "learn/zoo/zoo_eval.hpp"
#include "learn/zoo/zoo_io.hpp"
#include "learn/zoo/zoo_train.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <numeric>

namespace muxsim::learn {

namespace {

// --views: the distilled heads, kept in `heads` (the scorers read their scores from there).
void add_distilled_scorers(const ZooEarlyOptions& o, ZooNet& phone, const torch::Tensor& train,
                           const std::vector<torch::Tensor>& test_cuts,
                           std::vector<DistilledMux>& heads, std::vector<ReportScorer>& scorers) {
  DistillOptions distill = o.distill;
  distill.seed = o.run.seed;
  heads = zoo_distilled_heads(phone, train, test_cuts, o.views, distill, o.run.progress);
  for (const auto& mux : heads) {
    const auto* s = &mux.score;
    scorers.push_back({mux.name, 1e-9 * static_cast<double>(mux.prefix_macs + mux.head_macs),
                       [s](std::size_t i, std::size_t) { return (*s)[i]; }});
  }
}

} // namespace

void fit_zoo_early(const ZooEarlyOptions& o) {
  check_head_options(o.head);
  if (o.views.views < 0) throw InputError("command line: --views must be 0 or more");
  torch::set_num_threads(o.run.threads);
  torch::manual_seed(o.run.seed);
  Zoo zoo = load_zoo(o.zoo);
  DecisionTrace trace = read_trace(o.trace);
  require_zoo_trace(trace, zoo, o.trace);
  const int phone = trace.require_model(o.baseline, "command line: --baseline");
  if (o.run.limit > 0 && static_cast<std::size_t>(o.run.limit) < trace.inputs.size())
    trace.inputs.resize(static_cast<std::size_t>(o.run.limit));

  // The multiplexer's training images: those after the zoo's share, as muxsim mux train.
  const auto train = read_fashion_mnist(o.run.data, "train");
  const auto test = read_fashion_mnist(o.run.data, "t10k");
  const int64_t to = o.run.limit > 0
                         ? std::min<int64_t>(train.images.size(0), zoo.zoo_images + o.run.limit)
                         : train.images.size(0);
  if (to - zoo.zoo_images < 2)
    throw InputError(o.zoo + ": the zoo used every training image; none is left for a head");
  const auto x_train = (train.images.slice(0, zoo.zoo_images, to) - kPixelShift) / kPixelScale;
  const auto y_train = train.labels.slice(0, zoo.zoo_images, to);
  const auto rows = test_rows(trace, o.trace, test.images.size(0), 1);
  const auto x_test =
      (test.images.index_select(0, torch::tensor(rows, torch::kLong)) - kPixelShift) / kPixelScale;

  const auto held = run_zoo(zoo, x_train);
  const auto correct = (held.probabilities.argmax(2) == y_train.unsqueeze(1)).to(torch::kFloat32);
  const auto n_train = static_cast<std::size_t>(x_train.size(0));
  const auto n_test = trace.inputs.size();
  // One feature tensor, training rows then test rows; the test rows' targets are never read.
  const auto targets =
      torch::cat({correct, torch::zeros({static_cast<int64_t>(n_test), correct.size(1)})});
  std::vector<std::size_t> train_rows(n_train), score_rows(n_test);
  std::iota(train_rows.begin(), train_rows.end(), 0);
  std::iota(score_rows.begin(), score_rows.end(), n_train);

  auto& net = zoo.nets[static_cast<std::size_t>(phone)];
  const auto features_train = run_cuts(net, x_train);
  const auto features_test = run_cuts(net, x_test);
  // The distilled multiplexer is muxsim mux train's 4-conv CNN on 28x28 greyscale.
  const double distilled_gmacs = MuxNet(static_cast<int>(zoo.names.size()), 28, 1)->gmacs();
  auto scorers =
      trace_scorers(trace, phone, distilled_gmacs, zoo.gflops[static_cast<std::size_t>(phone)]);
  scorers[0].name = "distilled";
  std::vector<std::vector<std::vector<double>>> early(features_train.size());
  for (std::size_t c = 0; c < features_train.size(); ++c) {
    const auto x = torch::cat({features_train[c], features_test[c]});
    double chosen = 0;
    const auto s = fit_and_score_head(x, targets, train_rows, score_rows, o.head, &chosen);
    const auto a = s.accessor<float, 2>();
    early[c].assign(n_test, std::vector<double>(static_cast<std::size_t>(s.size(1))));
    for (std::size_t i = 0; i < n_test; ++i)
      for (int64_t m = 0; m < s.size(1); ++m)
        early[c][i][static_cast<std::size_t>(m)] = a[static_cast<int64_t>(i)][m];
    const auto* scores = &early[c];
    const double gmacs = net->cut_gmacs()[c] +
                         1e-9 * static_cast<double>(head_macs(x.size(1), correct.size(1), o.head));
    scorers.push_back({fmt::format("early-k{}", c), gmacs,
                       [scores](std::size_t i, std::size_t m) { return (*scores)[i][m]; }});
    if (o.run.progress)
      fmt::print(stderr, "cut {} ({} features): head trained on {} images, C = {}\n", c, x.size(1),
                 n_train, chosen);
  }
  std::vector<DistilledMux> distilled;
  if (o.views.views > 0)
    add_distilled_scorers(o, net, train.images.slice(0, zoo.zoo_images, to), features_test,
                          distilled, scorers);
  std::filesystem::create_directories(o.out);
  const auto path = (std::filesystem::path(o.out) / "early_report.csv").string();
  write_atomically(path, mux_report_csv(trace, scorers, 0.5, o.run.seed));
  fmt::print(stderr, "wrote {} ({} test inputs, {} cuts of {})\n", path, n_test,
             features_train.size(), o.baseline);
}

} // namespace muxsim::learn
