#pragma once
// A labels CSV, `file_name,label`: the ground truth of an image folder, in the ImageNet
// validation layout (labels are class indices in torchvision's 0..999 order).
#include <string>
#include <vector>

namespace muxsim {

struct LabelledInput {
  std::string file_name;
  int label = 0;
  int line = 0; // where it stands in the labels file, for error messages
};

struct LabelSet {
  std::string path;
  std::vector<LabelledInput> inputs;
};

// Rejects a missing column, a negative or non-integer label and a file named twice.
LabelSet read_labels(const std::string& path);

// Every JPEG in `folder` (.jpg/.jpeg, any case) must be labelled and every labelled file
// must be there; throws InputError naming the first image or label that is not.
void require_labelled_folder(const std::string& folder, const LabelSet& labels);

} // namespace muxsim
