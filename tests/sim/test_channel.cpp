// The channel: trace formats, rate walks, and a chunked upload following a rate change.
#include "core/formats/bandwidth_trace.hpp"
#include "core/model/channel.hpp"
#include "sim_fixture.hpp"

#include <doctest/doctest.h>

using namespace muxsim;
using test::write_temp;

TEST_CASE("bandwidth traces: both formats read to Mbit/s; the mean weights each step") {
  const auto bytes = read_bandwidth_trace(write_temp("bw.csv", "0,6750000\n1,750000\n"),
                                          TraceUnit::BytesPerSecond);
  const auto mbps = read_bandwidth_trace(
      write_temp("bw.tsv", "# comment\nseconds\tmbit_per_second\n0\t54\n1\t6\n"));
  CHECK(bytes.mbps == std::vector<double>{54, 6});
  CHECK(mbps.mbps == std::vector<double>{54, 6});
  CHECK(bytes.period_s() == doctest::Approx(2));
  CHECK(bytes.mean_mbps() == doctest::Approx(30));
}

TEST_CASE("rate walks: a trace from an offset, looping; a Markov chain is seeded") {
  const auto t = read_bandwidth_trace(write_temp("walk.tsv", "0\t10\n1\t20\n2\t30\n"),
                                      TraceUnit::MbitPerSecond);
  RateWalk w = RateWalk::trace(t, 1.5, true, 0.1);
  const RateChange a = w.next(), b = w.next(), c = w.next(), d = w.next();
  CHECK(a.time_s == 0);
  CHECK(a.mbps == 20);
  CHECK(b.time_s == doctest::Approx(0.5));
  CHECK(b.mbps == 30);
  CHECK(c.time_s == doctest::Approx(1.5)); // wraps after the 3 s period
  CHECK(c.mbps == 10);
  CHECK(d.mbps == 20);
  RateWalk hold = RateWalk::trace(t, 2.5, false, 0.1);
  CHECK(hold.next().mbps == 30);
  CHECK(std::isinf(hold.next().time_s));
  const auto zero =
      read_bandwidth_trace(write_temp("zero.tsv", "0\t0\n"), TraceUnit::MbitPerSecond);
  CHECK(RateWalk::trace(zero, 0, true, 0.25).next().mbps == 0.25);

  auto walk = [] { return RateWalk::markov(54, 6, 2.0, 0.5, Rng(7, 3, kMarkov)); };
  RateWalk m1 = walk(), m2 = walk();
  double time_bad = 0, last = 0;
  bool bad = false;
  for (int i = 0; i < 20000; ++i) {
    const RateChange x = m1.next(), y = m2.next();
    REQUIRE(x.time_s == y.time_s);
    if (bad) time_bad += x.time_s - last;
    last = x.time_s;
    bad = x.mbps == 6;
  }
  // The chain spends bad_s / (good_s + bad_s) = 20 % of its time in the bad state.
  CHECK(time_bad / last == doctest::Approx(0.2).epsilon(0.03));
}

// 54 Mbit/s, then 6 Mbit/s from t = 1 s; an 8 MB upload in 300 kB chunks. A chunk takes
// 2.4 Mbit / 54 Mbit/s = 44.4 ms, so chunk 23 starts at 0.9778 s and ends at 1.0222 s at the
// old rate: 6.9 MB are through. The remaining 1.1 MB go at 6 Mbit/s in 1.4667 s: the upload
// ends at 2.4889 s. Sent whole at the rate of its start it would end at 1.185 s.
TEST_CASE("channel: a chunked upload follows a trace's rate change to the hand-computed time") {
  write_temp("drop.csv", "seconds,bytes_per_second\n0,6750000\n1,750000\n");
  const std::string drop = "drop.csv";
  const auto p = test::tiny_scenario(
      "channel", "requests = 1",
      "[policy]\npolicies = cloud-only\n[network]\nchannel = trace\nchannel_trace = " + drop +
          "\ntrace_loop = false\nchunk_bytes = 300000\nupload_bytes = 8000000\n");
  const auto t = test::timings(*p, "cloud-only", p->run_points()[0], true);
  CHECK(test::stage(t, 0, test::kUpload) == doctest::Approx(2488.889).epsilon(1e-6));
}

// Three phones at 54, 18 and 6 Mbit/s upload 1 MB each at once. Airtime sharing gives them
// one throughput x with x (1/54 + 1/18 + 1/6) = 1, so all three finish at
// 8 Mbit x 0.24074 = 1.9259 s: the 54 Mbit/s phone, alone 0.148 s, is slowed 13-fold.
TEST_CASE("802.11 anomaly: three phones at three rates finish at the airtime-sharing time") {
  const auto p = test::tiny_scenario(
      "anomaly", "requests = 3",
      "[policy]\npolicies = cloud-only\n[network]\nphone_rates_mbps = 54,18,6\n"
      "upload_bytes = 1000000\n[load]\nphones = 3\n[servers]\ngpu_workers = 3\n");
  const RunPoint point = p->run_points()[0];
  const auto t = test::timings(*p, "cloud-only", point, true);
  const double together = 8.0 * (1 / 54.0 + 1 / 18.0 + 1 / 6.0) * 1e3;
  for (long k = 0; k < 3; ++k)
    CHECK(test::stage(t, k, test::kUpload) == doctest::Approx(together).epsilon(1e-6));
  // The closed form charges each phone its own rate, alone.
  const auto closed = test::timings(*p, "cloud-only", point, false);
  CHECK(test::stage(closed, 0, test::kUpload) == doctest::Approx(8e3 / 54));
  CHECK(test::stage(closed, 2, test::kUpload) == doctest::Approx(8e3 / 6));
}
