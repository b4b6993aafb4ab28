#include "core/formats/bandwidth_trace.hpp"

#include "core/base/input_error.hpp"
#include "core/base/limits.hpp"
#include "core/formats/csv.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace muxsim {

namespace {

// Fields split at commas, or at runs of tabs and spaces.
std::vector<std::string> fields_of(const std::string& line) {
  if (line.find(',') != std::string::npos) {
    std::vector<std::string> out;
    for (const auto& f : split(line, ','))
      out.push_back(trim(f));
    return out;
  }
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string f; in >> f;)
    out.push_back(f);
  return out;
}

const char* unit_name(TraceUnit unit) {
  return unit == TraceUnit::BytesPerSecond ? "bytes_per_second" : "mbit_per_second";
}

bool starts_with_digit(const std::string& field) {
  return !field.empty() && (std::isdigit(static_cast<unsigned char>(field[0])) || field[0] == '.' ||
                            field[0] == '-' || field[0] == '+');
}

// The unit a header line states, checked against the scenario's trace_unit.
TraceUnit unit_of_header(const std::vector<std::string>& f, TraceUnit given,
                         const std::string& at) {
  TraceUnit stated = TraceUnit::FromFile;
  if (f.size() == 2 && f[0] == "seconds") {
    if (f[1] == "bytes_per_second") stated = TraceUnit::BytesPerSecond;
    if (f[1] == "mbit_per_second") stated = TraceUnit::MbitPerSecond;
  }
  if (stated == TraceUnit::FromFile)
    throw InputError(at + ": a header must be 'seconds,bytes_per_second' or "
                          "'seconds,mbit_per_second'");
  if (given != TraceUnit::FromFile && given != stated)
    throw InputError(at + ": the header says " + unit_name(stated) +
                     ", the scenario's trace_unit " + unit_name(given));
  return stated;
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

BandwidthTrace read_bandwidth_trace(const std::string& path, TraceUnit unit) {
  require_regular_file(path);
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open file");
  BandwidthTrace t;
  t.path = path;
  bool first = true;
  std::string raw;
  for (int n = 1; std::getline(in, raw); ++n) {
    // A UTF-8 byte-order mark is accepted, as in every CSV muxsim reads.
    if (n == 1 && raw.compare(0, 3, "\xEF\xBB\xBF") == 0) raw.erase(0, 3);
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    const auto f = fields_of(line);
    if (first) {
      first = false;
      if (!f.empty() && !starts_with_digit(f[0])) {
        unit = unit_of_header(f, unit, where(path, n, "header"));
        continue;
      }
      if (unit == TraceUnit::FromFile)
        throw InputError(where(path, n, "header") +
                         ": the throughput's unit is not stated; start the file with "
                         "'seconds,bytes_per_second' or 'seconds,mbit_per_second', or set "
                         "[network] trace_unit");
    }
    const char* rate_field = unit_name(unit);
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
    const double mbps = unit == TraceUnit::BytesPerSecond ? rate * 8e-6 : rate;
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
