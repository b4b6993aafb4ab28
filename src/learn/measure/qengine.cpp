#include "learn/measure/qengine.hpp"

#include "core/formats/input_error.hpp"

#include <ATen/Context.h>

namespace muxsim::learn {

namespace {

std::string name_of(at::QEngine engine) {
  switch (engine) {
  case at::QEngine::QNNPACK:
    return "qnnpack";
  case at::QEngine::ONEDNN:
    return "onednn";
  case at::QEngine::FBGEMM:
    return "fbgemm";
  case at::QEngine::X86:
    return "x86";
  default:
    return "none";
  }
}

} // namespace

void use_qengine(const std::string& name) {
  at::QEngine engine;
  if (name == "qnnpack")
    engine = at::QEngine::QNNPACK;
  else if (name == "onednn")
    engine = at::QEngine::ONEDNN;
  else
    throw InputError("command line: --qengine '" + name + "' is not qnnpack or onednn");
  std::string supported;
  for (const auto e : at::globalContext().supportedQEngines()) {
    if (e == engine) {
      at::globalContext().setQEngine(engine);
      return;
    }
    supported += (supported.empty() ? "" : ", ") + name_of(e);
  }
  throw InputError("command line: --qengine " + name + ": this LibTorch does not have it (it has " +
                   supported + ")");
}

std::string qengine_in_use() {
  return name_of(at::globalContext().qEngine());
}

} // namespace muxsim::learn
