// `muxsim walks`: where a scenario's phones walk and which access point serves them, as the
// runs see it (core/model/attachment.hpp): one CSV row per change of a phone's cell, rate or
// leg, for maps and rate-over-time figures (analysis/plot_mobility.py).
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/scenario_point.hpp"
#include "core/assemble/prepared.hpp"
#include "core/base/input_error.hpp"
#include "core/base/limits.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iostream>

namespace muxsim::cli {

namespace {

std::string number(double x) {
  return std::isfinite(x) ? fmt::format("{:.6g}", x) : "";
}

} // namespace

int walks_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  po::positional_options_description positional;
  ScenarioPoint run;
  run.add_to(options, positional);
  double until_s = 3600;
  long phones = 10;
  options.add_options()("until", po::value(&until_s)->default_value(3600),
                        "seconds of walking to print")(
      "phones", po::value(&phones)->default_value(10), "print phones 0 to N - 1");
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim walks SCENARIO.ini [--point N] [--until S] [--phones N]\n\n"
      "Prints, as CSV on stdout, where the scenario's phones walk and which access point\n"
      "serves them ([mobility]; docs/mobility.md): a row at time 0 and at each change of a\n"
      "phone's cell, PHY rate or leg, with its position then, the leg's end, and whether the\n"
      "change is a handover (cell -1: no link, in a handover's gap or out of range).";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  if (!(until_s > 0) || until_s > kLargestValue)
    throw InputError("command line: --until must be a positive number of seconds");
  if (phones < 1) throw InputError("command line: --phones must be at least 1");
  const auto p = run.prepare_for("walks");
  if (!p->mobility)
    throw InputError(run.scenario + ": has no [mobility] access_points: its phones do not walk");
  const auto attachments = p->attachments(run.chosen(*p));
  std::string out = "phone,time_s,x_m,y_m,to_x_m,to_y_m,leg_end_s,cell,phy_mbps,distance_m,"
                    "handover\n";
  for (long g = 0; g < std::min(phones, attachments->phones()); ++g) {
    auto walk = attachments->walk(g);
    for (Attachment a = walk->next(); a.time_s < until_s; a = walk->next()) {
      const Leg& leg = *a.leg;
      const Point at = leg.at(a.time_s);
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", g, number(a.time_s), number(at.x_m),
                         number(at.y_m), number(leg.to.x_m), number(leg.to.y_m), number(leg.end_s),
                         a.cell, number(a.phy_mbps), number(a.distance_m), a.handover ? 1 : 0);
    }
  }
  std::cout << out;
  return 0;
}

} // namespace muxsim::cli
