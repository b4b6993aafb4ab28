#pragma once
// Open-loop phones (Poisson arrivals, core/model/arrivals.hpp). A phone's requests arrive
// whether or not its earlier ones are answered, so each runs on an actor of its own, on its
// phone's host. One actor issues every phone's arrivals, earliest first: between arrivals a
// phone has nothing to do, so it needs no actor (32 KiB of stack each: 3.2 GB at 100,000
// phones). Requests run on a pool of runner actors: a runner done with its request waits
// in the pool, and the next arrival moves it to its phone. Creating an actor per request
// cost its stack, and its exit an exception (docs/speed.md).
#include "sim/phone.hpp"

#include <vector>

namespace muxsim::sim {

void run_arrivals(const std::vector<PhoneContext>* phones, RunPoint point);

} // namespace muxsim::sim
