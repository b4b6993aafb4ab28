// Scenario INI: keys grouped by section, unknown keys listed, every bad value named by file,
// line and "section.key".
#include "core/base/scenario.hpp"
#include "core/config/read_scenario.hpp"
#include "test_util.hpp"

#include <doctest/doctest.h>

using namespace muxsim;
using test::error_of;
using test::write_temp;

namespace {

const std::string kBase = "trace = t.csv\nprofiles = p.csv\n"                   // lines 1-2
                          "[devices]\nphone_device = a\ncloud_device = b\n"     // 3-5
                          "cloud_model = m\n[policy]\npolicies = cloud-only\n"; // 6-8

std::string error_with(const std::string& name, const std::string& extra) {
  const auto path = write_temp(name, kBase + extra);
  return error_of([&] { read_scenario(path); });
}

} // namespace

TEST_CASE("scenario: a misspelt key is answered with the nearest known one, and a key in the "
          "wrong section with where it belongs") {
  const auto unknown = write_temp("s1.ini", "trace = t.csv\nbandwith_mbps = 10\n");
  CHECK(error_of([&] { read_scenario(unknown); })
            .find(unknown + ":2: field 'bandwith_mbps': unknown key; did you mean "
                            "'network.bandwidth_mbps'?") == 0);
  const auto misplaced = write_temp("s2.ini", "trace = t.csv\nbandwidth_mbps = 10\n");
  CHECK(error_of([&] { read_scenario(misplaced); })
            .find(":2: field 'bandwidth_mbps': unknown key; did you mean "
                  "'network.bandwidth_mbps'?") != std::string::npos);
}

TEST_CASE("scenario: bad values name file, line and section.key") {
  CHECK(error_with("b1.ini", "[network]\nbandwidth_mbps = -5\n")
            .find(":10: field 'network.bandwidth_mbps': values must be positive") !=
        std::string::npos);
  const auto policy = write_temp("b2.ini", kBase.substr(0, kBase.size() - 11) + "teleport\n");
  CHECK(error_of([&] {
          read_scenario(policy);
        }).find(":8: field 'policy.policies': unknown policy 'teleport'; known: mobile-only") !=
        std::string::npos);
  CHECK(error_with("b3.ini", "[load]\narrival = poisson\narrival_rate_hz = 0\n")
            .find(":11: field 'load.arrival_rate_hz': values must be positive") !=
        std::string::npos);
  CHECK(error_with("b4.ini", "[load]\narrival = poisson\narrival_rate_hz = -3\n")
            .find(":11: field 'load.arrival_rate_hz'") != std::string::npos);
  CHECK(error_with("b5.ini", "[servers]\nbatch_max = 0\n")
            .find(":10: field 'servers.batch_max': must be an integer in [1, 1e9], got 0") !=
        std::string::npos);
  CHECK(error_with("b6.ini", "[load]\ncells = 0\n")
            .find(":10: field 'load.cells': values must be integers >= 1") != std::string::npos);
  CHECK(error_with("b7.ini", "[network]\nchannel = fading\n")
            .find(":10: field 'network.channel': 'fading' is not one of constant, trace, markov") !=
        std::string::npos);
  CHECK(error_with("b8.ini", "[network]\nchannel = trace\n")
            .find("field 'network.channel_trace': channel = trace needs a trace file") !=
        std::string::npos);
  CHECK(error_with("b9.ini", "[network]\nbandwidth_mbps = 5\nphone_rates_mbps = 54,6\n")
            .find(":11: field 'network.phone_rates_mbps': set either") != std::string::npos);
  CHECK(error_with("b10.ini", "[load]\narrival_rate_hz = 5\n")
            .find("a rate needs arrival = poisson") != std::string::npos);
  CHECK(
      error_with("b11.ini", "[servers]\nqueue_per_model = maybe\n").find("must be true or false") !=
      std::string::npos);
}

TEST_CASE("scenario: run points are the product of the swept keys") {
  const auto ok = write_temp("ok.ini", kBase + "[network]\nbandwidth_mbps = 1:100:log:3\n"
                                               "[load]\nphones = 1,10\ncells = 1,4\n"
                                               "arrival = poisson\narrival_rate_hz = 5,50\n");
  const Scenario s = read_scenario(ok);
  const auto points = s.run_points(s.network.bandwidth_mbps);
  CHECK(points.size() == 3 * 2 * 2 * 2);
  CHECK(points.back().total_phones() == 40);
  CHECK(points.back().arrival_rate_hz == 50);
  CHECK(s.at("load.cells") == ok + ":13: field 'load.cells'");
}

TEST_CASE("scenario: a Markov channel names the key it lacks; bytes are whole") {
  CHECK(error_with("m1.ini", "[network]\nchannel = markov\nmarkov_good_s = 5\n")
            .find(":10: field 'network.channel': channel = markov needs network.markov_bad_s") !=
        std::string::npos);
  CHECK(error_with("m2.ini", "[network]\nupload_bytes = 100.5\n")
            .find(":10: field 'network.upload_bytes': must be an integer in [0, 1e9], got 100.5") !=
        std::string::npos);
  CHECK(error_with("m3.ini", "[network]\nchunk_bytes = 0\n")
            .find("field 'network.chunk_bytes': must be an integer in [1, 1e9]") !=
        std::string::npos);
}
