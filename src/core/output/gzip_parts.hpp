#pragma once
// Output that forked runs write at once (--requests, --timeseries): each run writes its own
// gzip member to a part file; the parts are then joined in run order after a header
// (concatenated gzip members are one valid gzip file), so runs never share a file and the
// result does not depend on which run finished first.
#include <string>
#include <vector>

namespace muxsim {

std::string gzip_part_path(const std::string& path, long run);

// Writes one run's part, `text` added in pieces.
class GzipPartWriter {
public:
  GzipPartWriter(const std::string& path, long run);
  ~GzipPartWriter();
  GzipPartWriter(const GzipPartWriter&) = delete;
  GzipPartWriter& operator=(const GzipPartWriter&) = delete;
  void add(const std::string& text);
  // Flushes and closes; throws InputError when the write failed.
  void close();

private:
  void flush();

  std::string part_, buffer_;
  void* out_ = nullptr; // gzFile
};

// Joins `header` and the parts of `runs` (a run without a part adds nothing), in that order,
// into `path` (atomically), and removes the parts.
void join_gzip_parts(const std::string& path, const std::string& header,
                     const std::vector<long>& runs);
// Removes whatever parts of `runs` a stopped sweep left.
void remove_gzip_parts(const std::string& path, const std::vector<long>& runs);

} // namespace muxsim
