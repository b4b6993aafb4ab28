#pragma once
// Device profiles: what one model costs on one device (docs/formats.md, "Profile CSV").
// flops are in G multiply-accumulates, the convention of torchvision's "GFLOPS" column and
// of the paper's Tables I and II.
#include <string>
#include <vector>

namespace muxsim {

// Where a profile's figures come from: a paper or datasheet, a timing on this machine, or
// computed from other rows. Read once from the kind column, so no later code compares text.
enum class ProfileKind { Published, Measured, Derived };
// The name the kind column spells, for writing a profile back (the policy protocol).
const char* profile_kind_name(ProfileKind kind);

struct ModelProfile {
  std::string device;
  std::string model;
  double gflops = 0;
  double latency_ms = 0;
  double energy_mj = 0;
  double accuracy = 0; // top-1, a fraction in [0, 1]
  std::string source;
  ProfileKind kind = ProfileKind::Derived; // a profile made in code is computed
};

class ProfileSet {
public:
  // Appends every row of a profile CSV; rejects bad rows with file, line and field.
  void load(const std::string& path);
  void add(const ModelProfile& row);
  // Throws InputError listing the known models of that device when absent.
  const ModelProfile& get(const std::string& device, const std::string& model) const;
  bool has(const std::string& device, const std::string& model) const;
  const std::vector<ModelProfile>& rows() const { return rows_; }

private:
  std::vector<ModelProfile> rows_;
};

} // namespace muxsim
