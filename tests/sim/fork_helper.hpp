#pragma once
// SimGrid allows one engine per process, so each test that simulates runs in a forked child
// and hands its numbers back through a pipe.
#include <functional>
#include <string>
#include <vector>

namespace muxsim::test {

// Runs `body` in a child process and returns the numbers it produced. Throws when the
// child fails.
std::vector<double> in_child(const std::function<std::vector<double>()>& body);

std::string source_path(const std::string& relative);

} // namespace muxsim::test
