#include "learn/measure/sha256.hpp"

#include "core/base/input_error.hpp"

#include <fmt/format.h>
#include <fstream>
#include <openssl/evp.h>
#include <stdexcept>
#include <vector>

namespace muxsim::learn {

Sha256::Sha256() : context_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
  if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("OpenSSL: SHA-256 is not available");
}

void Sha256::update(const void* data, std::size_t bytes) {
  EVP_DigestUpdate(context_.get(), data, bytes);
}

std::string Sha256::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context_.get(), digest, &length);
  std::string out;
  for (unsigned int i = 0; i < length; ++i)
    out += fmt::format("{:02x}", digest[i]);
  return out;
}

std::string sha256_of_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot be read");
  Sha256 sha;
  std::vector<char> block(1 << 16);
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    sha.update(block.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw InputError(path + ": read error");
  return sha.hex();
}

} // namespace muxsim::learn
