// `muxsim platform` prints the platform as SimGrid XML, while a run builds it through
// SimGrid's C++ API (sim/platform.hpp): two forms of one platform. Each is loaded into an
// engine of its own (one per process, so each in a forked child), and every host, every
// link and every route between a phone and a server must match, for a few scenarios: cells,
// an edge tier, a WAN that follows a trace.
#include "sim_fixture.hpp"

#include <simgrid/s4u.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace muxsim;
namespace sg4 = simgrid::s4u;

namespace {

// One line per host (name, speed, cores), link (name, bandwidth, latency, sharing policy)
// and route from each phone to each server and back (its links in order, its latency), sorted.
std::vector<std::string> describe(const sg4::Engine& engine) {
  std::vector<std::string> lines;
  std::vector<sg4::Host*> phones, servers;
  for (sg4::Host* h : engine.get_all_hosts()) {
    lines.push_back(fmt::format("host {} speed {} cores {}", h->get_name(), h->get_speed(),
                                h->get_core_count()));
    (h->get_name().rfind("phone-", 0) == 0 ? phones : servers).push_back(h);
  }
  for (sg4::Link* l : engine.get_all_links())
    lines.push_back(fmt::format("link {} bandwidth {} latency {} sharing {}", l->get_name(),
                                l->get_bandwidth(), l->get_latency(),
                                static_cast<int>(l->get_sharing_policy())));
  const auto route = [&lines](const sg4::Host* from, const sg4::Host* to) {
    std::vector<sg4::Link*> links;
    double latency = 0;
    from->route_to(to, links, &latency);
    std::string names;
    for (const sg4::Link* l : links)
      names += " " + l->get_name();
    lines.push_back(fmt::format("route {} -> {}:{} latency {}", from->get_name(), to->get_name(),
                                names, latency));
  };
  for (const sg4::Host* phone : phones)
    for (const sg4::Host* server : servers) {
      route(phone, server);
      route(server, phone);
    }
  std::sort(lines.begin(), lines.end());
  return lines;
}

// The platform of the scenario's first run point, loaded from `muxsim platform`'s XML
// (`from_xml`) or built as a run builds it, described in a child process.
std::vector<std::string> platform_lines(const Prepared& p, bool from_xml, const std::string& name) {
  const RunPoint point = p.run_points()[0];
  const Channel channel(p.scenario, point, p.channel_traces);
  const sim::PlatformSpec spec = sim::platform_for(p, point, channel);
  const std::string xml = test::write_temp(name + ".xml", sim::platform_xml(spec));
  const std::string out = test::temp_dir() + "/" + name + (from_xml ? "-xml.txt" : "-api.txt");
  test::in_child([&] {
    std::vector<std::string> args = {"test", "--log=root.thresh:critical"};
    if (!from_xml) // the XML carries these in its <config>
      for (const auto& [key, value] : sim::platform_config(spec))
        args.push_back("--cfg=" + key + ":" + value);
    std::vector<char*> argv;
    for (auto& a : args)
      argv.push_back(a.data());
    int argc = static_cast<int>(argv.size());
    sg4::Engine engine(&argc, argv.data());
    if (from_xml)
      engine.load_platform(xml);
    else
      sim::build_platform(spec, sim::wan_profile_for(p));
    std::ofstream file(out);
    for (const auto& line : describe(engine))
      file << line << "\n";
    return std::vector<double>{};
  });
  std::ifstream in(out);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

void check_same_platform(const Prepared& p, const std::string& name) {
  const auto api = platform_lines(p, false, name);
  const auto xml = platform_lines(p, true, name);
  REQUIRE(!api.empty());
  CHECK(api.size() == xml.size());
  for (std::size_t i = 0; i < std::min(api.size(), xml.size()); ++i)
    CHECK(api[i] == xml[i]);
}

} // namespace

TEST_CASE("the platform XML and the built platform agree: three cells of two phones") {
  const auto p = test::tiny_scenario(
      "pf-cells", "requests = 4",
      "[policy]\npolicies = cloud-only\n"
      "[network]\nphone_rates_mbps = 54,6\nwan_latency_ms = 20\nwan_mbps = 500\n"
      "[load]\ncells = 3\nphones = 2\n[servers]\ngpu_workers = 2\n");
  check_same_platform(*p, "pf-cells");
}

TEST_CASE("the platform XML and the built platform agree: edge servers shared by cells") {
  const auto p = test::tiny_scenario(
      "pf-edge", "requests = 4",
      "edge_device = edge\nedge_model = big\n"
      "[policy]\npolicies = edge-only\n"
      "[network]\nedge_latency_ms = 1\nedge_link_mbps = 1000\nwan_latency_ms = 5\n"
      "[load]\ncells = 3\nphones = 1\n[servers]\ncells_per_edge = 2\nedge_workers = 3\n");
  check_same_platform(*p, "pf-edge");
}

TEST_CASE("the platform XML and the built platform agree: a WAN that follows a trace") {
  test::write_temp("pf-wan.tsv", "seconds\tmbit_per_second\n0\t8\n1\t80\n");
  const auto p = test::tiny_scenario("pf-wan", "requests = 2",
                                     "[policy]\npolicies = cloud-only\n[network]\n"
                                     "wan_trace = pf-wan.tsv\nbandwidth_mbps = 100\n"
                                     "[load]\ncells = 2\nphones = 2\n");
  check_same_platform(*p, "pf-wan");
}
