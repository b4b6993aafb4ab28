// The "did you mean" suggester: edit distance, the typo budget, and section-aware keys.
#include "core/config/spelling.hpp"

#include <doctest/doctest.h>

using namespace muxsim;

TEST_CASE("spelling: edit distance counts inserts, deletes, substitutions and swaps") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("bandwith_mbps", "bandwidth_mbps") == 1); // a letter left out
  CHECK(edit_distance("hybird", "hybrid") == 1);                // two letters swapped
  CHECK(edit_distance("resnxt", "resnext") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("Cloud", "cloud") == 0); // case is ignored
  CHECK(edit_distance("ab", "ba") == 1);
  CHECK(edit_distance("ca", "abc") == 3); // optimal string alignment: no edit of a swapped pair
}

TEST_CASE("spelling: only names within a typo's reach are suggested, the nearest first") {
  const std::vector<std::string> models = {"resnet18", "resnext50", "resnext101", "vit"};
  CHECK(closest_names("resnxt50", models) == std::vector<std::string>{"resnext50"});
  CHECK(closest_names("teleport", models).empty());
  // Three letters allow one edit: "vgg" is two from "vit".
  CHECK(closest_names("vgg", models).empty());
  CHECK(closest_names("vot", models) == std::vector<std::string>{"vit"});
  // Ties are all given, in the known order.
  CHECK(closest_names("resnext", {"resnexta", "resnextb"}) ==
        std::vector<std::string>{"resnexta", "resnextb"});
  CHECK(closest_names("x", {}).empty());
}

TEST_CASE("spelling: a key under the wrong section is one edit from the right one") {
  const std::vector<std::string> keys = {"trace", "requests", "network.bandwidth_mbps",
                                         "network.wan_mbps", "policy.policies"};
  CHECK(closest_keys("network.bandwith_mbps", keys) ==
        std::vector<std::string>{"network.bandwidth_mbps"});
  CHECK(closest_keys("policy.bandwidth_mbps", keys) ==
        std::vector<std::string>{"network.bandwidth_mbps"});
  CHECK(closest_keys("netwrk.wan_mbps", keys) == std::vector<std::string>{"network.wan_mbps"});
  CHECK(closest_keys("load.requests", keys) == std::vector<std::string>{"requests"});
  CHECK(closest_keys("network.nosuch", keys).empty());
}

TEST_CASE("spelling: the message lists one, two or three suggestions") {
  CHECK(did_you_mean({}).empty());
  CHECK(did_you_mean({"a"}) == "did you mean 'a'?");
  CHECK(did_you_mean({"a", "b"}) == "did you mean 'a' or 'b'?");
  CHECK(did_you_mean({"a", "b", "c"}) == "did you mean 'a', 'b' or 'c'?");
}
