#pragma once
// One function per subcommand; each returns the process exit status:
// 0 success, 2 bad input (one message on stderr, no output file), 3 some runs failed
// (their rows say why).
#include <string>
#include <vector>

namespace muxsim::cli {

int run_command(const std::vector<std::string>& args);
int reconstruct_command(const std::vector<std::string>& args);
int platform_command(const std::vector<std::string>& args);
int merge_command(const std::vector<std::string>& args);
int report_command(const std::vector<std::string>& args);
int airtime_command(const std::vector<std::string>& args);
int lte_command(const std::vector<std::string>& args);
int walks_command(const std::vector<std::string>& args);
int predict_command(const std::vector<std::string>& args);
int trace_command(const std::vector<std::string>& args);
int profile_command(const std::vector<std::string>& args);
int zoo_command(const std::vector<std::string>& args);
int mux_command(const std::vector<std::string>& args);

} // namespace muxsim::cli
