#include "cli/commands.hpp"
#include "cli/learn/qengine_option.hpp"
#include "cli/options.hpp"
#include "learn/measure/predict.hpp"

#include <fmt/format.h>

namespace muxsim::cli {

int predict_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  learn::PredictOptions o;
  options.add_options()("model", po::value(&o.model)->required(), "TorchScript classifier (.pt)")(
      "images", po::value(&o.images)->required(), "folder of JPEG images")(
      "labels", po::value(&o.labels)->required(), "CSV file_name,label (class indices)")(
      "out,o", po::value(&o.out)->required(), "predictions CSV to write")(
      "batch", po::value(&o.batch)->default_value(o.batch), "images per forward pass")(
      "threads", po::value(&o.threads)->default_value(o.threads), "LibTorch intra-op threads")(
      "resize", po::value(&o.resize)->default_value(o.resize),
      "shorter side before the crop, in pixels; 0 keeps the image size")(
      "crop", po::value(&o.crop)->default_value(o.crop), "centre crop side, in pixels");
  std::string qengine = learn::qengine_name(o.qengine);
  add_qengine_option(options, qengine);
  po::positional_options_description positional;
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim predict --model M.pt --images DIR --labels L.csv --out P.csv [options]\n\n"
      "Classifies every image the labels name with a TorchScript model (input 1x3xHxW, RGB,\n"
      "ImageNet mean/std; output logits) and writes one row per image:\n"
      "file_name,predicted_class,predicted_probability,label,correct, then what the answers\n"
      "depend on: model_sha256,qengine,isa. Preprocessing is torchvision's evaluation\n"
      "recipe: resize the shorter side, centre crop, normalise.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  check_preprocessing(o.resize, o.crop);
  o.qengine = learn::parse_qengine(qengine);
  const auto s = learn::predict(o);
  fmt::print(stderr, "wrote {}: {} images, top-1 {:.4f}, {:.1f} s ({} on {})\nlogits sha256 {}\n",
             o.out, s.inputs, static_cast<double>(s.correct) / s.inputs, s.seconds, s.qengine,
             s.isa, s.logits_sha256);
  return 0;
}

} // namespace muxsim::cli
