#include "learn/zoo/zoo_eval.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"
#include "core/formats/trace.hpp"
#include "learn/data/idx.hpp"
#include "learn/zoo/zoo_io.hpp"
#include "learn/zoo/zoo_train.hpp"

namespace muxsim::learn {

std::vector<int64_t> test_rows(const DecisionTrace& trace, const std::string& trace_path,
                               long test_images, int stride) {
  std::vector<int64_t> rows;
  for (std::size_t i = 0; i < trace.inputs.size(); i += stride) {
    const auto& id = trace.inputs[i].input_id;
    if (id.rfind("t10k-", 0) != 0)
      throw InputError(trace_path + ": input '" + id + "' is not a test image id t10k-NNNNN");
    const long row = parse_integer(id.substr(5), trace_path + ": input '" + id + "'");
    if (row < 0 || row >= test_images)
      throw InputError(trace_path + ": input '" + id + "' is beyond the test set");
    rows.push_back(row);
  }
  return rows;
}

void require_zoo_trace(const DecisionTrace& trace, const Zoo& zoo, const std::string& trace_path) {
  if (trace.models != zoo.names)
    throw InputError(trace_path + ": its models (" + join(trace.models) +
                     ") are not the zoo's, in its order (" + join(zoo.names) + ")");
}

std::vector<ZooCheck> check_trace_against_zoo(const std::string& zoo_dir,
                                              const std::string& trace_path,
                                              const std::string& data, int stride, int threads) {
  if (stride < 1) throw InputError("command line: --stride must be at least 1");
  torch::set_num_threads(threads);
  const DecisionTrace trace = read_trace(trace_path);
  Zoo zoo = load_zoo(zoo_dir);
  const auto test = read_fashion_mnist(data, "t10k");
  const auto rows = test_rows(trace, trace_path, test.images.size(0), stride);
  std::vector<std::size_t> picked;
  for (std::size_t i = 0; i < trace.inputs.size(); i += stride)
    picked.push_back(i);
  const auto index = torch::tensor(rows, torch::kLong);
  const auto images = (test.images.index_select(0, index) - kPixelShift) / kPixelScale;
  const auto labels = test.labels.index_select(0, index);
  const auto view = run_zoo(zoo, images);
  const auto pred_t = view.probabilities.argmax(2);
  const auto pred = pred_t.accessor<int64_t, 2>();
  const auto label = labels.accessor<int64_t, 1>();
  std::vector<ZooCheck> out;
  for (std::size_t m = 0; m < trace.models.size(); ++m) {
    const auto z = std::find(zoo.names.begin(), zoo.names.end(), trace.models[m]);
    if (z == zoo.names.end())
      throw InputError(trace_path + ": model '" + trace.models[m] + "' is not in the zoo at " +
                       zoo_dir);
    const auto zm = z - zoo.names.begin();
    ZooCheck c{trace.models[m], static_cast<long>(picked.size()), 0, 0, 0};
    for (std::size_t k = 0; k < picked.size(); ++k) {
      const auto& in = trace.inputs[picked[k]];
      const long p = pred[k][zm];
      c.mismatched += p != in.pred[m];
      c.trace_accuracy += in.correct[m];
      c.weights_accuracy += p == label[k];
    }
    c.trace_accuracy /= static_cast<double>(picked.size());
    c.weights_accuracy /= static_cast<double>(picked.size());
    out.push_back(c);
  }
  return out;
}

} // namespace muxsim::learn
