#include "core/formats/bandwidth_trace.hpp"

#include "core/config/limits.hpp"
#include "core/formats/csv.hpp"
#include "core/formats/input_error.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace muxsim {

namespace {

std::vector<std::string> fields_of(const std::string& line, bool comma) {
  if (comma) return split(line, ',');
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string f; in >> f;)
    out.push_back(f);
  return out;
}

} // namespace

double BandwidthTrace::period_s() const {
  if (time_s.size() < 2) return 1.0;
  std::vector<double> steps;
  for (std::size_t i = 1; i < time_s.size(); ++i)
    steps.push_back(time_s[i] - time_s[i - 1]);
  std::nth_element(steps.begin(), steps.begin() + static_cast<long>(steps.size() / 2), steps.end());
  return time_s.back() - time_s.front() + steps[steps.size() / 2];
}

double BandwidthTrace::mean_mbps(double floor) const {
  const double period = period_s();
  double sum = 0;
  for (std::size_t i = 0; i < mbps.size(); ++i) {
    const double end = i + 1 < time_s.size() ? time_s[i + 1] : time_s.front() + period;
    sum += std::max(mbps[i], floor) * (end - time_s[i]);
  }
  return sum / period;
}

BandwidthTrace read_bandwidth_trace(const std::string& path) {
  require_regular_file(path);
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open file");
  BandwidthTrace t;
  t.path = path;
  int format = -1; // 1: seconds,bytes/s; 0: seconds<TAB>Mbit/s
  std::string raw;
  for (int n = 1; std::getline(in, raw); ++n) {
    // A UTF-8 byte-order mark is accepted, as in every CSV muxsim reads.
    if (n == 1 && raw.compare(0, 3, "\xEF\xBB\xBF") == 0) raw.erase(0, 3);
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    if (format < 0) format = line.find(',') != std::string::npos ? 1 : 0;
    const auto f = fields_of(line, format == 1);
    const char* rate_field = format == 1 ? "bytes_per_second" : "mbit_per_second";
    if (f.size() != 2)
      throw InputError(where(path, n, "") + ": expected 2 fields (seconds and " + rate_field +
                       "), got " + std::to_string(f.size()));
    const double time = parse_number(f[0], where(path, n, "seconds"));
    const double rate = parse_number(f[1], where(path, n, rate_field));
    if (time < 0) throw InputError(where(path, n, "seconds") + ": time must not be negative");
    if (!t.time_s.empty() && time <= t.time_s.back())
      throw InputError(where(path, n, "seconds") + ": time goes backwards or repeats (" + f[0] +
                       " after " + std::to_string(t.time_s.back()) + ")");
    if (rate < 0)
      throw InputError(where(path, n, rate_field) + ": throughput must not be negative");
    const double mbps = format == 1 ? rate * 8e-6 : rate;
    if (time > kLargestValue || mbps > kLargestValue)
      throw InputError(where(path, n, time > kLargestValue ? "seconds" : rate_field) +
                       ": above 1e9 (seconds, or Mbit/s once converted)");
    t.time_s.push_back(time);
    t.mbps.push_back(mbps);
  }
  if (t.time_s.empty()) throw InputError(path + ": no rows (expected seconds and a throughput)");
  return t;
}

} // namespace muxsim
