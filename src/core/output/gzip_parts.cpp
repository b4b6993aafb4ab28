#include "core/output/gzip_parts.hpp"

#include "core/base/input_error.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <zlib.h>

namespace muxsim {

namespace {
constexpr std::size_t kFlushBytes = 1 << 20;
}

std::string gzip_part_path(const std::string& path, long run) {
  return fmt::format("{}.part-{}", path, run);
}

GzipPartWriter::GzipPartWriter(const std::string& path, long run)
    : part_(gzip_part_path(path, run)) {
  out_ = gzopen(part_.c_str(), "wb6");
  if (!out_) throw InputError(part_ + ": cannot write");
}

GzipPartWriter::~GzipPartWriter() {
  if (out_) gzclose(static_cast<gzFile>(out_));
}

void GzipPartWriter::add(const std::string& text) {
  buffer_ += text;
  if (buffer_.size() > kFlushBytes) flush();
}

void GzipPartWriter::flush() {
  gzwrite(static_cast<gzFile>(out_), buffer_.data(), static_cast<unsigned>(buffer_.size()));
  buffer_.clear();
}

void GzipPartWriter::close() {
  flush();
  const int status = gzclose(static_cast<gzFile>(out_));
  out_ = nullptr;
  if (status != Z_OK) throw InputError(part_ + ": write failed");
}

void join_gzip_parts(const std::string& path, const std::string& header,
                     const std::vector<long>& runs) {
  const std::string temporary = path + ".tmp";
  const std::string header_part = path + ".part-header";
  gzFile head = gzopen(header_part.c_str(), "wb6");
  if (!head) throw InputError(header_part + ": cannot write");
  gzputs(head, header.c_str());
  gzclose(head);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(path + ": cannot write");
    std::ifstream first(header_part, std::ios::binary);
    out << first.rdbuf();
    first.close();
    std::remove(header_part.c_str());
    for (long run : runs) {
      const std::string part = gzip_part_path(path, run);
      std::ifstream in(part, std::ios::binary);
      if (in && in.peek() != std::ifstream::traits_type::eof()) out << in.rdbuf();
      std::remove(part.c_str());
    }
    if (!out) throw InputError(path + ": write failed");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0)
    throw InputError(path + ": cannot replace file");
}

void remove_gzip_parts(const std::string& path, const std::vector<long>& runs) {
  for (long run : runs)
    std::remove(gzip_part_path(path, run).c_str());
  std::remove((path + ".part-header").c_str());
  std::remove((path + ".tmp").c_str());
}

} // namespace muxsim
