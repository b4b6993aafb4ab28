#pragma once
// SHA-256, in hex: the identity of a model archive written beside every figure measured with
// it, and a digest of a run's logits that shows whether two runs computed the same bits
// (docs/reproducibility.md). OpenSSL's libcrypto does the work.
#include <cstddef>
#include <memory>
#include <string>

struct evp_md_ctx_st;

namespace muxsim::learn {

class Sha256 {
public:
  Sha256();
  void update(const void* data, std::size_t bytes);
  std::string hex(); // ends the digest

private:
  std::unique_ptr<evp_md_ctx_st, void (*)(evp_md_ctx_st*)> context_;
};

// Throws InputError naming the file when it cannot be read.
std::string sha256_of_file(const std::string& path);

} // namespace muxsim::learn
