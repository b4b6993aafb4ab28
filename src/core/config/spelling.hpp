#pragma once
// Suggestions for a misspelt name (a scenario key or section, a device, a model): the known
// names closest to it by edit distance, for "did you mean ...?" in an error message.
#include <cstddef>
#include <string>
#include <vector>

namespace muxsim {

// Edits (insert, delete, substitute, or swap two neighbours) that turn `a` into `b`, ignoring
// case: the optimal string alignment distance.
std::size_t edit_distance(const std::string& a, const std::string& b);

// The known names nearest to `given`, in their order in `known`, or none when even the nearest
// needs more edits than a typo would make (about one in three letters, at most 3).
std::vector<std::string> closest_names(const std::string& given,
                                       const std::vector<std::string>& known);

// As closest_names, for "section.key" names: a key with the right name under the wrong
// section counts as one edit away, however different the sections' names are.
std::vector<std::string> closest_keys(const std::string& given,
                                      const std::vector<std::string>& known);

// "did you mean 'a'?", "did you mean 'a' or 'b'?", or "" when nothing is close.
std::string did_you_mean(const std::vector<std::string>& suggestions);

} // namespace muxsim
