#include "learn/measure/qengine.hpp"

#include "core/base/input_error.hpp"

#include <ATen/Context.h>
#include <stdexcept>

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

at::QEngine torch_engine(QEngine engine) {
  switch (engine) {
  case QEngine::Qnnpack:
    return at::QEngine::QNNPACK;
  case QEngine::Onednn:
    return at::QEngine::ONEDNN;
  }
  throw std::logic_error("unknown quantized engine");
}

} // namespace

const char* qengine_name(QEngine engine) {
  switch (engine) {
  case QEngine::Qnnpack:
    return "qnnpack";
  case QEngine::Onednn:
    return "onednn";
  }
  throw std::logic_error("unknown quantized engine");
}

QEngine parse_qengine(const std::string& text) {
  for (const auto engine : {QEngine::Qnnpack, QEngine::Onednn})
    if (text == qengine_name(engine)) return engine;
  throw InputError("command line: --qengine '" + text + "' is not qnnpack or onednn");
}

void use_qengine(QEngine wanted) {
  const at::QEngine engine = torch_engine(wanted);
  std::string supported;
  for (const auto e : at::globalContext().supportedQEngines()) {
    if (e == engine) {
      at::globalContext().setQEngine(engine);
      return;
    }
    supported += (supported.empty() ? "" : ", ") + name_of(e);
  }
  throw InputError(std::string("command line: --qengine ") + qengine_name(wanted) +
                   ": this LibTorch does not have it (it has " + supported + ")");
}

std::string qengine_in_use() {
  return name_of(at::globalContext().qEngine());
}

} // namespace muxsim::learn
