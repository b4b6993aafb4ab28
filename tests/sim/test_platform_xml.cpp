// `muxsim platform` prints the platform as SimGrid XML, while a run builds it through
// SimGrid's C++ API (sim/platform.hpp): two forms of one platform. Each is loaded into an
// engine of its own (one per process, so each in a forked child), and every host, every
// link, every route between a phone and its servers and the time a transfer takes on it
// must match, for a few scenarios: cells, an edge tier, a WAN that follows a trace.
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

// A route's links, named in order. SimGrid 3.32 loads a Wifi zone from XML with a station's
// route through its Wi-Fi link twice ("air-0 air-0 wan"; its own examples/platforms/wifi.xml
// does the same), while a station attached through the API crosses it once. CM02 charges a
// Wi-Fi link as a route's first or last link only, so the repeat changes no transfer (the
// timed transfers below check that); it is written once here.
std::string route_links(const std::vector<sg4::Link*>& links) {
  std::string names;
  const sg4::Link* last = nullptr;
  for (const sg4::Link* l : links) {
    const bool repeat = l == last && l->get_sharing_policy() == sg4::Link::SharingPolicy::WIFI;
    if (!repeat) names += " " + l->get_name();
    last = l;
  }
  return names;
}

// The pairs of hosts muxsim sends between: each phone and the cloud, and each phone and the
// edge server of its cell (a phone never reaches another cell's edge; the XML has no route
// there).
std::vector<std::pair<sg4::Host*, sg4::Host*>> used_routes(const sg4::Engine& engine,
                                                           const sim::PlatformSpec& spec) {
  std::vector<std::pair<sg4::Host*, sg4::Host*>> pairs;
  sg4::Host* cloud = engine.host_by_name(sim::kCloudHost);
  for (long g = 0; g < spec.phones; ++g) {
    sg4::Host* phone = engine.host_by_name(sim::phone_name(g));
    pairs.emplace_back(phone, cloud);
    pairs.emplace_back(cloud, phone);
    if (spec.edge_servers == 0) continue;
    sg4::Host* edge = engine.host_by_name(
        sim::edge_name(spec.phone_cells[static_cast<std::size_t>(g)] / spec.cells_per_edge));
    pairs.emplace_back(phone, edge);
    pairs.emplace_back(edge, phone);
  }
  return pairs;
}

// One line per host (name, speed, cores), link (name, bandwidth, latency, sharing policy)
// and used route (its links in order, its latency), sorted; then the time a lone 1 MB
// transfer takes on each used route, each phone at its first rate level.
std::vector<std::string> describe(sg4::Engine& engine, const sim::PlatformSpec& spec) {
  std::vector<std::string> lines;
  for (const sg4::Host* h : engine.get_all_hosts())
    lines.push_back(fmt::format("host {} speed {} cores {}", h->get_name(), h->get_speed(),
                                h->get_core_count()));
  for (const sg4::Link* l : engine.get_all_links())
    lines.push_back(fmt::format("link {} bandwidth {} latency {} sharing {}", l->get_name(),
                                l->get_bandwidth(), l->get_latency(),
                                static_cast<int>(l->get_sharing_policy())));
  const auto pairs = used_routes(engine, spec);
  for (const auto& [from, to] : pairs) {
    std::vector<sg4::Link*> links;
    double latency = 0;
    from->route_to(to, links, &latency);
    lines.push_back(fmt::format("route {} -> {}:{} latency {}", from->get_name(), to->get_name(),
                                route_links(links), latency));
  }
  std::sort(lines.begin(), lines.end());
  for (long g = 0; !spec.lte && g < spec.phones; ++g) // an LTE cell's air has no levels
    engine.link_by_name(sim::air_name(spec.phone_cells[static_cast<std::size_t>(g)]))
        ->set_host_wifi_rate(engine.host_by_name(sim::phone_name(g)), 0);
  sg4::Actor::create("timer", engine.host_by_name(sim::kCloudHost), [&lines, &pairs] {
    for (const auto& [from, to] : pairs) {
      const double start = sg4::Engine::get_clock();
      sg4::Comm::sendto(from, to, 1e6);
      lines.push_back(fmt::format("transfer {} -> {}: {:.9g} s", from->get_name(), to->get_name(),
                                  sg4::Engine::get_clock() - start));
    }
  });
  engine.run();
  return lines;
}

// The platform of the scenario's first run point, loaded from `muxsim platform`'s XML
// (`from_xml`) or built as a run builds it, described in a child process.
std::vector<std::string> platform_lines(const Prepared& p, bool from_xml, const std::string& name) {
  const RunPoint point = p.run_points()[0];
  const sim::PlatformSpec spec = sim::platform_for(p, *p.attachments(point));
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
    for (const auto& line : describe(engine, spec))
      file << line << "\n";
    return std::vector<double>{};
  });
  std::ifstream in(out);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

bool is_transfer(const std::string& line) {
  return line.rfind("transfer ", 0) == 0;
}

// The two forms' lines, equal line for line; `transfers` false leaves the timed transfers out.
void check_same_platform(const Prepared& p, const std::string& name, bool transfers = true) {
  auto api = platform_lines(p, false, name);
  auto xml = platform_lines(p, true, name);
  REQUIRE(!api.empty());
  if (!transfers)
    for (auto* lines : {&api, &xml})
      lines->erase(std::remove_if(lines->begin(), lines->end(), is_transfer), lines->end());
  CHECK(api.size() == xml.size());
  for (std::size_t i = 0; i < std::min(api.size(), xml.size()); ++i)
    CHECK(api[i] == xml[i]);
}

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
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

TEST_CASE("the platform XML and the built platform agree but for a WAN's trace") {
  test::write_temp("pf-wan.tsv", "seconds\tmbit_per_second\n0\t8\n1\t80\n");
  const auto p = test::tiny_scenario("pf-wan", "requests = 2",
                                     "[policy]\npolicies = cloud-only\n[network]\n"
                                     "wan_trace = pf-wan.tsv\nbandwidth_mbps = 100\n"
                                     "[load]\ncells = 2\nphones = 2\n");
  check_same_platform(*p, "pf-wan", false);
  // What the XML cannot say: the trace is a bandwidth profile on the built WAN, so the first
  // 1 MB upload there takes 1 s at the trace's 8 Mbit/s; the XML's WAN holds wan_mbps (10
  // Gbit/s) and the same upload takes the air's 0.08 s at 100 Mbit/s.
  const auto api = platform_lines(*p, false, "pf-wan");
  const auto xml = platform_lines(*p, true, "pf-wan");
  CHECK(has_line(api, "transfer phone-0 -> cloud: 1 s"));
  CHECK(has_line(xml, "transfer phone-0 -> cloud: 0.08 s"));
}

TEST_CASE("the platform XML and the built platform agree: two LTE cells") {
  const auto p = test::tiny_scenario(
      "pf-lte", "requests = 3",
      "[policy]\npolicies = cloud-only\n[network]\nlink = lte\nwan_latency_ms = 5\n"
      "[mobility]\naccess_points = 0:0, 5000:0\nphone_positions = 100:0, 4000:0, 0:300\n");
  check_same_platform(*p, "pf-lte");
}
