#include "learn/early/phone_prefix.hpp"

#include "core/base/input_error.hpp"
#include "learn/measure/torchscript.hpp"

#include <regex>
#include <torch/csrc/jit/api/function_impl.h>
#include <torch/csrc/jit/ir/ir.h>

namespace muxsim::learn {

namespace {

using torch::jit::Node;
using torch::jit::Value;

bool is_conv(const Node* n) {
  const std::string kind = n->kind().toQualString();
  return kind == "quantized::conv2d" || kind == "quantized::conv2d_relu";
}

bool is_kind(const Node* n, const char* kind) {
  return std::string(n->kind().toQualString()) == kind;
}

// A quantized::add that reads `v`: the residual connection closing an inverted-residual
// block whose projection convolution produced `v`.
Node* residual_add_of(const Value* v) {
  for (const auto& use : v->uses())
    if (is_kind(use.user, "quantized::add")) return use.user;
  return nullptr;
}

struct Segmentation {
  std::vector<std::vector<Node*>> convs; // per block
  std::vector<Value*> ends;              // per block, its output
};

// Blocks from the op sequence: the stem is the first convolution; an inverted-residual
// block ends in its projection (a convolution without ReLU), or in the residual add that
// reads it; the last block is every convolution between the last such end and the global
// pool (MobileNetV2's final 1x1 convolution).
Segmentation segment(torch::jit::Graph& g, const std::string& path) {
  Segmentation s;
  std::vector<Node*> open;
  Node* pool = nullptr;
  for (Node* n : g.nodes()) {
    if (is_kind(n, "aten::adaptive_avg_pool2d") || is_kind(n, "aten::mean")) {
      pool = n;
      break;
    }
    if (!is_conv(n)) continue;
    open.push_back(n);
    const bool stem = s.convs.empty() && open.size() == 1;
    if (stem || is_kind(n, "quantized::conv2d")) {
      Node* add = residual_add_of(n->output());
      s.ends.push_back(add ? add->output() : n->output());
      s.convs.push_back(std::move(open));
      open.clear();
    }
  }
  if (!pool || s.convs.size() < 2)
    throw InputError(path + ": not a phone model muxsim can cut into blocks (it needs a "
                            "quantized convolution stem, projection blocks and a global pool)");
  if (!open.empty()) {
    s.ends.push_back(open.back()->output());
    s.convs.push_back(std::move(open));
  }
  return s;
}

// "features.3" from "_jit_pass_hoist_conv_packed_params.features.3.conv.0.0._packed_params.7".
std::string module_of(const Node* conv) {
  const Node* get = conv->input(1)->node();
  if (get->kind() != torch::jit::prim::GetAttr) return "";
  static const std::regex features(R"((features\.\d+)\.)");
  std::smatch m;
  const std::string name = get->s(torch::jit::attr::name);
  return std::regex_search(name, m, features) ? m[1].str() : "";
}

// The convolution's weight shape, [out, in / groups, kh, kw], from its packed parameters.
std::vector<int64_t> weight_shape(torch::jit::Module& module, const Node* conv,
                                  const std::string& path) {
  const Node* get = conv->input(1)->node();
  if (get->kind() != torch::jit::prim::GetAttr || get->input(0) != conv->owningGraph()->inputs()[0])
    throw InputError(path + ": a convolution's weights are not an attribute of the model");
  const c10::IValue packed = module.attr(get->s(torch::jit::attr::name));
  auto* unpack = packed.isObject() ? packed.toObject()->type()->findMethod("unpack") : nullptr;
  if (!unpack) throw InputError(path + ": a convolution's packed weights cannot be unpacked");
  std::vector<c10::IValue> stack{packed};
  unpack->run(stack);
  return stack.back().toTupleRef().elements()[0].toTensor().sizes().vec();
}

} // namespace

PhonePrefix::PhonePrefix(const std::string& path) : module_(load_torchscript(path)) {
  auto graph = module_.get_method("forward").graph()->copy();
  const Segmentation s = segment(*graph, path);
  // Return (logits, block outputs..., convolution outputs...): the convolutions' output
  // sizes, read once below, give their MACs.
  std::vector<Value*> outputs{graph->outputs()[0]};
  outputs.insert(outputs.end(), s.ends.begin(), s.ends.end());
  for (const auto& block : s.convs)
    for (Node* conv : block)
      outputs.push_back(conv->output());
  graph->eraseOutput(0);
  graph->registerOutput(graph->insertNode(graph->createTuple(outputs))->output());
  function_ = std::make_unique<torch::jit::GraphFunction>("prefix", graph, nullptr);

  const auto probe = forward(torch::zeros({1, 3, 224, 224}));
  std::size_t next = 1 + s.ends.size();
  for (std::size_t b = 0; b < s.convs.size(); ++b) {
    PrefixBlock block;
    block.module = module_of(s.convs[b].front());
    block.channels = probe[1 + b].toTensor().size(1);
    for (Node* conv : s.convs[b]) {
      const auto out = probe[next++].toTensor().sizes();
      long macs = out[2] * out[3];
      for (const int64_t d : weight_shape(module_, conv, path))
        macs *= d;
      block.macs += macs;
    }
    blocks_.push_back(block);
  }
  classifier_macs_ = blocks_.back().channels * probe[0].toTensor().size(1);
}

PhonePrefix::~PhonePrefix() = default;

long PhonePrefix::prefix_macs(int k) const {
  long sum = 0;
  for (int b = 0; b <= k; ++b)
    sum += blocks_.at(b).macs;
  return sum;
}

std::vector<c10::IValue> PhonePrefix::forward(const torch::Tensor& image) {
  std::vector<c10::IValue> stack{module_._ivalue(), image};
  function_->run(stack);
  return stack.back().toTupleRef().elements().vec();
}

PhonePrefix::Pass PhonePrefix::run(const torch::Tensor& image) {
  const auto out = forward(image);
  Pass pass;
  pass.logits = out[0].toTensor();
  for (std::size_t b = 1; b <= blocks_.size(); ++b)
    pass.pooled.push_back(out[b].toTensor().dequantize().mean({0, 2, 3}));
  return pass;
}

} // namespace muxsim::learn
