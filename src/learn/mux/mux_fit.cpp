#include "learn/mux/mux_fit.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"
#include "core/mux/algorithm2.hpp"
#include "core/mux/mux_report.hpp"
#include "core/output/results.hpp"
#include "learn/data/idx.hpp"
#include "learn/mux/losses.hpp"
#include "learn/mux/mux_net.hpp"
#include "learn/zoo/zoo.hpp"
#include "learn/zoo/zoo_io.hpp"
#include "learn/zoo/zoo_train.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace muxsim::learn {

namespace {

// The multiplexer and the linear head that maps its features into the zoo's projection
// space for distillation (Eq. 8). Only `net` runs at decision time.
struct DistilledMuxImpl : torch::nn::Module {
  MuxNet net{nullptr};
  torch::nn::Linear head{nullptr};
  DistilledMuxImpl(int models, int projection_dim) {
    net = register_module("net", MuxNet(models, 28, 1));
    head = register_module("head", torch::nn::Linear(net->embedding_width(), projection_dim));
  }
};
TORCH_MODULE(DistilledMux);

int baseline_index(const Zoo& zoo, const std::string& name) {
  for (std::size_t m = 0; m < zoo.names.size(); ++m)
    if (zoo.names[m] == name) return static_cast<int>(m);
  throw InputError("command line: --baseline '" + name +
                   "' is not in the zoo; it has: " + join(zoo.names));
}

// The multiplexer trains on the training images after the zoo's share: the zoo's
// correctness there is what it will be on unseen inputs. It is tested on the test images.
struct MuxData {
  torch::Tensor x_mux, y_mux, x_test, y_test;
};

MuxData load_mux_data(const MuxFitOptions& o, int64_t zoo_images) {
  const auto train = read_fashion_mnist(o.run.data, "train");
  const auto test = read_fashion_mnist(o.run.data, "t10k");
  auto limited = [&](const torch::Tensor& t, int64_t from) {
    const int64_t to =
        o.run.limit > 0 ? std::min<int64_t>(t.size(0), from + o.run.limit) : t.size(0);
    return t.slice(0, from, to);
  };
  MuxData d;
  d.x_mux = (limited(train.images, zoo_images) - kPixelShift) / kPixelScale;
  d.y_mux = limited(train.labels, zoo_images);
  d.x_test = (limited(test.images, 0) - kPixelShift) / kPixelScale;
  d.y_test = limited(test.labels, 0);
  if (d.x_mux.size(0) < o.run.batch)
    throw InputError("command line: fewer multiplexer training images than one batch");
  return d;
}

// Eq. 4-7's multiplexer loss, plus per-model binary cross-entropy (muxsim's addition, so
// that sigmoid(m_i) is the probability that model i is right, the score a decision trace
// carries), plus Eq. 8's distillation towards the zoo's projections.
void train_mux(DistilledMux& mux, const MuxFitOptions& o, const torch::Tensor& x_mux,
               const torch::Tensor& correct, const ZooView& held, const torch::Tensor& gflops) {
  torch::optim::Adam optimiser(mux->parameters(), torch::optim::AdamOptions(o.run.learning_rate));
  const int64_t n = x_mux.size(0);
  for (int epoch = 0; epoch < o.run.epochs; ++epoch) {
    const auto order = torch::randperm(n, torch::kLong);
    double sums[3] = {0, 0, 0};
    int64_t batches = 0;
    for (int64_t first = 0; first + o.run.batch <= n; first += o.run.batch) {
      const auto pick = order.slice(0, first, first + o.run.batch);
      const auto x = x_mux.index_select(0, pick);
      const auto c = correct.index_select(0, pick);
      const auto logits = mux->net->forward(x);
      const auto p =
          torch::nn::functional::normalize(mux->head->forward(mux->net->embed(x)),
                                           torch::nn::functional::NormalizeFuncOptions().dim(1));
      std::vector<torch::Tensor> targets;
      for (const auto& z : held.projections)
        targets.push_back(z.index_select(0, pick));
      const auto l_mux = mux_loss(logits, gflops, c);
      const auto l_bce = torch::binary_cross_entropy_with_logits(logits, c);
      const auto l_distill = distillation_loss(p, targets);
      const auto loss = l_mux + l_bce + o.distillation_weight * l_distill;
      optimiser.zero_grad();
      loss.backward();
      optimiser.step();
      sums[0] += l_mux.item<double>(), sums[1] += l_bce.item<double>(),
          sums[2] += l_distill.item<double>();
      ++batches;
    }
    if (o.run.progress)
      fmt::print(stderr, "mux epoch {}/{}: L_mux {:.4f}, BCE {:.4f}, distillation {:.4f}\n",
                 epoch + 1, o.run.epochs, sums[0] / batches, sums[1] / batches, sums[2] / batches);
  }
}

// The decision trace of the test images: each zoo model's answer and the multiplexer's score.
DecisionTrace test_trace(Zoo& zoo, DistilledMux& mux, const MuxData& d) {
  mux->eval();
  const auto seen = run_zoo(zoo, d.x_test);
  torch::Tensor scores;
  {
    torch::NoGradGuard no_grad;
    scores = torch::sigmoid(mux->net->forward(d.x_test));
  }
  DecisionTrace trace;
  trace.models = zoo.names;
  trace.provenance = "real";
  const auto [conf_t, pred_t] = seen.probabilities.max(2);
  const auto conf = conf_t.accessor<float, 2>();
  const auto pred = pred_t.accessor<int64_t, 2>();
  const auto score = scores.accessor<float, 2>();
  const auto label = d.y_test.accessor<int64_t, 1>();
  for (int64_t i = 0; i < d.x_test.size(0); ++i) {
    TraceInput in;
    in.input_id = fmt::format("t10k-{:05d}", i);
    in.label = static_cast<int>(label[i]);
    in.fold = 0; // one multiplexer, trained on no test image
    for (std::size_t m = 0; m < zoo.names.size(); ++m) {
      in.pred.push_back(static_cast<int>(pred[i][static_cast<int64_t>(m)]));
      in.conf.push_back(conf[i][static_cast<int64_t>(m)]);
      in.correct.push_back(in.pred.back() == in.label);
      in.score.push_back(score[i][static_cast<int64_t>(m)]);
    }
    trace.inputs.push_back(std::move(in));
  }
  return trace;
}

} // namespace

void fit_mux(const MuxFitOptions& o) {
  if (o.run.epochs < 1) throw InputError("command line: --epochs must be at least 1");
  torch::set_num_threads(o.run.threads);
  torch::manual_seed(o.run.seed);
  Zoo zoo = load_zoo(o.zoo);
  const int baseline = baseline_index(zoo, o.baseline);
  const MuxData d = load_mux_data(o, zoo.zoo_images);
  const auto held = run_zoo(zoo, d.x_mux);
  const auto correct =
      (held.probabilities.argmax(2) == d.y_mux.unsqueeze(1)).to(torch::kFloat32); // [N, models]
  DistilledMux mux(static_cast<int>(zoo.nets.size()), zoo.projection_dim);
  train_mux(mux, o, d.x_mux, correct, held, torch::tensor(zoo.gflops, torch::kFloat32));
  const DecisionTrace trace = test_trace(zoo, mux, d);

  std::vector<double> thresholds;
  for (int t = 1; t < 20; ++t)
    thresholds.push_back(t * 0.05);
  thresholds.push_back(0.288);
  std::sort(thresholds.begin(), thresholds.end());
  const std::filesystem::path dir(o.out);
  std::filesystem::create_directories(dir);
  write_atomically((dir / "trace.csv").string(), trace_csv(trace));
  write_atomically(
      (dir / "mux_report.csv").string(),
      mux_report_csv(trace, trace_scorers(trace, baseline, mux->net->gmacs(), zoo.gflops[baseline]),
                     0.5, o.run.seed));
  write_atomically((dir / "algorithm2.csv").string(),
                   algorithm2_csv(trace, zoo.gflops, mux->net->gmacs(), thresholds, 0.5));
  torch::save(mux->net, (dir / "mux.pt").string());
  fmt::print(stderr,
             "wrote {}/trace.csv ({} test inputs), mux_report.csv, algorithm2.csv, mux.pt "
             "(multiplexer {:.6f} GMACs)\n",
             o.out, trace.inputs.size(), mux->net->gmacs());
}

} // namespace muxsim::learn
