#pragma once
// Reads a scenario's [mobility] section (docs/mobility.md) into the plan its runs' attachments
// follow, and refuses what would make a run wrong: a list that does not parse, a position
// outside the area, a phone without a walk, a static phone no access point reaches.
#include "core/assemble/prepared.hpp"

namespace muxsim {

// Sets p.mobility when the scenario has access points, and makes the run points' cells the
// access points. Throws InputError naming the file, line and field.
void read_mobility(Prepared& p);

} // namespace muxsim
