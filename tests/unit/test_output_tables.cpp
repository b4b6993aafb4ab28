// Text is parsed once into enums where it enters (a profile's kind, a report's mode, a
// results row's status), and the outputs' headers come from the same column tables as
// their rows.
#include "core/config/read_scenario.hpp"
#include "core/formats/profile.hpp"
#include "core/output/request_log.hpp"
#include "core/output/results.hpp"
#include "core/output/results_reader.hpp"
#include "core/output/timeseries.hpp"
#include "test_util.hpp"

#include <doctest/doctest.h>

using namespace muxsim;
using test::error_of;
using test::write_temp;

TEST_CASE("a profile's kind is read into its kind, and written back by its one name") {
  const auto path = write_temp("kinds.csv", "device,model,flops,latency_ms,energy_mj,accuracy,"
                                            "source,kind,qengine,isa\n"
                                            "d,a,1,1,1,0.5,paper,published,,\n"
                                            "d,b,1,1,1,0.5,here,measured,fbgemm,avx2\n"
                                            "d,c,1,1,1,0.5,sum,derived,,\n");
  ProfileSet set;
  set.load(path);
  CHECK(set.get("d", "a").kind == ProfileKind::Published);
  CHECK(set.get("d", "b").kind == ProfileKind::Measured);
  CHECK(set.get("d", "c").kind == ProfileKind::Derived);
  for (const auto& row : set.rows())
    CHECK(std::string(profile_kind_name(row.kind)) == (row.model == "a"   ? "published"
                                                       : row.model == "b" ? "measured"
                                                                          : "derived"));
  const auto bad = write_temp("kind-bad.csv", "device,model,flops,latency_ms,energy_mj,accuracy,"
                                              "source,kind\nd,a,1,1,1,0.5,paper,Published\n");
  CHECK(error_of([&] { ProfileSet().load(bad); }) ==
        bad + ":2: field 'kind': 'Published' is not one of published, measured, derived");
}

TEST_CASE("modes and run statuses: names and back, and nothing else") {
  for (Mode m : {Mode::ClosedForm, Mode::Simulated})
    CHECK(mode_from_name(mode_name(m)) == m);
  CHECK(!mode_from_name("simulate"));
  CHECK(!mode_from_name(""));
  for (RunStatus s : {RunStatus::Ok, RunStatus::Failed})
    CHECK(run_status_from_name(run_status_name(s)) == s);
  CHECK(!run_status_from_name("OK"));
}

TEST_CASE("--resume reads the status by its column, wherever the header puts it") {
  // Status last: no ",ok," in an ok line. A policy, a note and an error that read "ok" in a
  // failed line. Searching the line for ",ok," got both wrong.
  const std::string header = "run,policy,note,error,status\n";
  const auto path = write_temp("moved-status.csv", header + "0,ok,,,failed\n"
                                                            "1,hybrid,,,ok\n"
                                                            "2,hybrid,ok,\"x,ok,y\",failed\n"
                                                            "3,mobile-only,,,ok\n");
  const auto done = read_done_lines(path, header);
  REQUIRE(done.size() == 2);
  CHECK(done.at(1) == "1,hybrid,,,ok\n");
  CHECK(done.at(3) == "3,mobile-only,,,ok\n");

  const auto bad = write_temp("bad-status.csv", header + "0,hybrid,,,fine\n1,hybrid,,,ok\n");
  CHECK(error_of([&] { read_done_lines(bad, header); }) ==
        bad + ":2: field 'status': 'fine' is neither ok nor failed");
  const std::string no_status = "run,policy,note\n";
  const auto without = write_temp("no-status.csv", no_status + "0,hybrid,\n");
  CHECK(error_of([&] { read_done_lines(without, no_status); }) ==
        without + ":1: field 'status': missing column");
  CHECK(read_done_lines(test::temp_dir() + "/absent.csv", header).empty());
}

TEST_CASE("results: the header and a row come from one column table") {
  ResultColumns columns;
  columns.models = {"big", "small"};
  columns.swept = {"gpu_workers"};
  const std::string header = results_header(columns);
  CHECK(header.rfind("run,scenario,seed,mode,policy,requests,bandwidth_mbps,cells,phones,"
                     "arrival_rate_hz,deadline_ms,gpu_workers,wifi_standard,channel,"
                     "trace_mean_mbps,accuracy,",
                     0) == 0);
  CHECK(header.find(",load_max,called_big,called_small,overload,trace,note,status,error\n") !=
        std::string::npos);
  std::string joined;
  for (const auto& name : result_column_names(columns))
    joined += (joined.empty() ? "" : ",") + name;
  CHECK(joined + "\n" == header);

  ResultRow row;
  row.run = 7;
  row.scenario = "a,b";
  row.policy = "hybrid";
  row.status = RunStatus::Failed;
  row.error = "it broke";
  row.swept = {{"gpu_workers", "2"}};
  const std::string line = result_line(row, columns);
  CHECK(line.rfind("7,\"a,b\",1,closed-form,hybrid,0,", 0) == 0);
  // A failed run: no figures (load_max, the called_ columns, overload empty), its error.
  const std::string tail = ",,,,,,,failed,it broke\n";
  REQUIRE(line.size() > tail.size());
  CHECK(line.substr(line.size() - tail.size()) == tail);
  // Every field where the header has a column: the quoted comma is one field.
  CHECK(raw_fields(line.substr(0, line.size() - 1)).size() == result_column_names(columns).size());
}

TEST_CASE("the request log's and the time series' headers come from their column tables") {
  CHECK(request_log_header() ==
        "run,request,phone,start_s,wifi_mbps,placement,correct,mux_ms,local_ms,upload_ms,"
        "queue_ms,server_ms,download_ms,latency_ms,phone_energy_mj,total_gflops\n");
  CHECK(timeseries_header() ==
        "run,minute,requests,latency_ms_mean,latency_ms_p95,local_requests,local_p95_ms,"
        "edge_requests,edge_p95_ms,cloud_requests,cloud_p95_ms,misses\n");
}
