// One-PPDU pieces take a cell's air in turn (sim/air_turns.hpp): first come, first served;
// a sender's pieces waiting behind the one whose turn comes go in the same A-MPDU; and the
// contenders a turn counts are senders, not pieces, plus the access point's TCP ACKs.
#include "fork_helper.hpp"
#include "sim/air_turns.hpp"
#include "test_util.hpp"

#include <doctest/doctest.h>
#include <simgrid/s4u.hpp>

#include <cstdio>

namespace sg4 = simgrid::s4u;

namespace {

const char* kPlatform = R"(<?xml version='1.0'?>
<!DOCTYPE platform SYSTEM "https://simgrid.org/simgrid.dtd">
<platform version="4.1"><zone id="world" routing="Full"><host id="h" speed="1Gf"/></zone></platform>
)";

// Four pieces of two senders, each holding the air 1 s in its turn: x (sender 1) at 0 s,
// y (2) at 0.1 s, z1 (1) at 0.2 s, z2 (2) at 0.3 s. Returns, per piece, when it started
// sending, its contenders and whether it went aboard an earlier piece's A-MPDU.
std::vector<double> four_pieces() {
  const std::string path = muxsim::test::write_temp("turns.xml", kPlatform);
  int argc = 2;
  char a0[] = "test", a1[] = "--log=root.thresh:critical";
  char* argv[] = {a0, a1, nullptr};
  sg4::Engine e(&argc, argv);
  e.load_platform(path);
  std::remove(path.c_str());
  static muxsim::sim::CellAir cell;
  static std::vector<double> out(12);
  static const int one = 1, two = 2;
  const struct {
    double at;
    const int* sender;
  } pieces[] = {{0, &one}, {0.1, &two}, {0.2, &one}, {0.3, &two}};
  for (int i = 0; i < 4; ++i) {
    const auto piece = pieces[i];
    sg4::Actor::create("piece", e.host_by_name("h"), [i, piece] {
      sg4::this_actor::sleep_until(piece.at);
      const muxsim::sim::Turn turn = muxsim::sim::take_turn(cell, piece.sender, 20);
      if (!turn.aboard) muxsim::sim::board(cell, piece.sender, 42 - 20, turn.contenders);
      out[3 * i] = sg4::Engine::get_clock();
      out[3 * i + 1] = turn.contenders;
      out[3 * i + 2] = turn.aboard;
      sg4::this_actor::sleep_for(1);
      muxsim::sim::end_turn(cell);
    });
  }
  e.run();
  return out;
}

} // namespace

TEST_CASE("pieces take the air in turn; a sender's waiting pieces board its A-MPDU") {
  const auto out = muxsim::test::in_child(four_pieces);
  REQUIRE(out.size() == 12);
  // x found the air idle: no contenders.
  CHECK(out[0] == doctest::Approx(0));
  CHECK(out[1] == 0);
  // y's turn came when x's ended; z2 (its own sender's) went aboard with it. Contending:
  // senders 2 and 1 (z1 waits) and the access point.
  CHECK(out[3] == doctest::Approx(1));
  CHECK(out[4] == 3);
  CHECK(out[5] == 0);
  CHECK(out[9] == doctest::Approx(1));
  CHECK(out[10] == 3);
  CHECK(out[11] == 1);
  // z1, first come before z2 but of another sender, waited for both: alone with the access
  // point then.
  CHECK(out[6] == doctest::Approx(2));
  CHECK(out[7] == 2);
  CHECK(out[8] == 0);
}
