// One-PPDU pieces take a cell's air in turn (sim/air_turns.hpp): first come, first served;
// a sender's pieces to the same receiver waiting behind the one whose turn comes go in the
// same A-MPDU while they fit; and the contenders a turn counts are senders, not pieces, with
// the access point counted once.
#include "core/model/wifi_timing.hpp"
#include "engine_on.hpp"
#include "fork_helper.hpp"
#include "sim/air_turns.hpp"
#include "test_util.hpp"

#include <doctest/doctest.h>
#include <simgrid/s4u.hpp>

namespace sg4 = simgrid::s4u;

namespace {

const char* kPlatform = R"(<?xml version='1.0'?>
<!DOCTYPE platform SYSTEM "https://simgrid.org/simgrid.dtd">
<platform version="4.1"><zone id="world" routing="Full"><host id="h" speed="1Gf"/></zone></platform>
)";

// Who sends a piece: phone 1, phone 2, or the access point (the cell itself).
enum Party { kPhone1, kPhone2, kAccessPoint };

struct Piece {
  double at;
  Party from, to;
  int segments;
};

// Each piece holds the air 1 s in its turn; a PPDU carries 42 segments. Returns, per piece,
// when it started sending, its contenders and whether it went aboard an earlier piece's
// A-MPDU; then 1 if the air was left free and its queue empty.
std::vector<double> turns(const std::vector<Piece>& pieces) {
  const auto engine = muxsim::test::engine_on(kPlatform);
  sg4::Engine& e = *engine;
  static muxsim::sim::CellAir cell;
  static const int phones[2] = {1, 2};
  const auto party = [](Party p) -> const void* {
    return p == kAccessPoint ? static_cast<const void*>(&cell) : &phones[p];
  };
  static std::vector<double> out;
  out.assign(3 * pieces.size(), -1);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const Piece piece = pieces[i];
    sg4::Actor::create("piece", e.host_by_name("h"), [i, piece, party] {
      sg4::this_actor::sleep_until(piece.at);
      const void* from = party(piece.from);
      const void* to = party(piece.to);
      static const double rate = 390;
      const muxsim::sim::Turn turn =
          muxsim::sim::take_turn(cell, from, to, piece.segments * 1448.0, &rate);
      if (!turn.aboard) muxsim::sim::board(cell, from, to, 42 - piece.segments, turn.contenders);
      out[3 * i] = sg4::Engine::get_clock();
      out[3 * i + 1] = turn.contenders;
      out[3 * i + 2] = turn.aboard;
      sg4::this_actor::sleep_for(1);
      muxsim::sim::end_turn(cell);
    });
  }
  e.run();
  out.push_back(!cell.held && cell.in_turn == 0 && cell.waiting.empty() && cell.waiting_by.empty());
  return out;
}

} // namespace

TEST_CASE("pieces take the air in turn; a sender's waiting pieces board its A-MPDU") {
  // x (phone 1) at 0 s, y (phone 2) at 0.1 s, z1 (phone 1) at 0.2 s, z2 (phone 2) at 0.3 s,
  // all uploads of 20 segments.
  const auto out = muxsim::test::in_child([] {
    return turns({{0, kPhone1, kAccessPoint, 20},
                  {0.1, kPhone2, kAccessPoint, 20},
                  {0.2, kPhone1, kAccessPoint, 20},
                  {0.3, kPhone2, kAccessPoint, 20}});
  });
  REQUIRE(out.size() == 13);
  // x found the air idle: no contenders.
  CHECK(out[0] == doctest::Approx(0));
  CHECK(out[1] == 0);
  // y's turn came when x's ended; z2 (its own sender's) went aboard with it. Contending:
  // phones 2 and 1 (z1 waits) and the access point with x's TCP ACKs.
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
  CHECK(out[12] == 1); // the air left free
}

TEST_CASE("turns count senders, not pieces; an A-MPDU has one receiver") {
  // Phone 2's two 30-segment pieces do not fit one PPDU together: the second waits for its
  // own turn, and while it waits it makes phone 2 one contender, not two.
  const auto out = muxsim::test::in_child([] {
    return turns({{0, kPhone1, kAccessPoint, 20},
                  {0.1, kPhone2, kAccessPoint, 30},
                  {0.2, kPhone2, kAccessPoint, 30}});
  });
  REQUIRE(out.size() == 10);
  CHECK(out[3] == doctest::Approx(1));
  CHECK(out[4] == 2); // phone 2 and the access point
  CHECK(out[6] == doctest::Approx(2));
  CHECK(out[7] == 2);
  CHECK(out[8] == 0);
  CHECK(out[9] == 1);
  // Replies: the access point's piece to phone 2 does not board its turn to phone 1, and
  // the access point, sending, is not counted twice.
  const auto replies = muxsim::test::in_child([] {
    return turns({{0, kAccessPoint, kPhone1, 1},
                  {0.1, kAccessPoint, kPhone1, 1},
                  {0.2, kAccessPoint, kPhone2, 1},
                  {0.3, kAccessPoint, kPhone1, 1}});
  });
  REQUIRE(replies.size() == 13);
  CHECK(replies[3] == doctest::Approx(1)); // to phone 1, with the last piece to phone 1
  CHECK(replies[4] == 1);
  CHECK(replies[9] == doctest::Approx(1));
  CHECK(replies[11] == 1);
  CHECK(replies[6] == doctest::Approx(2)); // to phone 2: its own turn
  CHECK(replies[8] == 0);
  CHECK(replies[12] == 1);
}

TEST_CASE("a turn's drawn contention averages the saturated rate's time beyond the lone exchange") {
  // E[held] = access + mean collisions x each = what k saturated contenders take for the
  // piece, collisions included, less the lone exchange; more than kMostInTurn contenders
  // draw as kMostInTurn do.
  namespace wifi = muxsim::wifi;
  const wifi::Phy ac{wifi::Standard::AC80211, true, 80};
  const double bytes = 28624;
  const muxsim::sim::WifiAir air(ac, {390}, {390, 390}, {bytes});
  REQUIRE(air.takes_turns(390, bytes));
  const double collision_us = wifi::collision_us(ac, {390, 390});
  const double alone_s = wifi::message_airtime_us(ac, 390, bytes) / 1e6;
  for (const int k : {2, 5}) {
    CAPTURE(k);
    muxsim::Rng rng(7, 0, muxsim::kCollisions);
    double sum = 0;
    const int draws = 200000;
    for (int i = 0; i < draws; ++i)
      sum += air.contention_s(390, bytes, k, rng);
    const double expected =
        8 * bytes / (wifi::goodput_mbps(ac, 390, {k, collision_us}) * 1e6) - alone_s;
    CHECK(sum / draws == doctest::Approx(expected).epsilon(0.01));
  }
  muxsim::Rng a(7, 0, muxsim::kCollisions), b(7, 0, muxsim::kCollisions);
  for (int i = 0; i < 1000; ++i)
    CHECK(air.contention_s(390, bytes, 50, a) == air.contention_s(390, bytes, 10, b));
}
