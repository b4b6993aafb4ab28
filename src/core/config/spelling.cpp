#include "core/config/spelling.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace muxsim {

namespace {

std::string lower(const std::string& text) {
  std::string out = text;
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// More edits than this and the names are different words, not a typo of one another.
std::size_t typo_budget(const std::string& given) {
  return std::clamp<std::size_t>(given.size() / 3, 1, 3);
}

// Every known name at the smallest distance, if that distance is within the budget; few,
// so a message stays one short line.
std::vector<std::string> nearest(const std::vector<std::string>& known,
                                 const std::vector<std::size_t>& distances, std::size_t budget) {
  constexpr std::size_t kMostSuggestions = 3;
  const std::size_t best = distances.empty()
                               ? std::numeric_limits<std::size_t>::max()
                               : *std::min_element(distances.begin(), distances.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < known.size() && best <= budget; ++i)
    if (distances[i] == best && out.size() < kMostSuggestions) out.push_back(known[i]);
  return out;
}

std::string section_of(const std::string& key) {
  const auto dot = key.find('.');
  return dot == std::string::npos ? "" : key.substr(0, dot);
}

std::string name_of(const std::string& key) {
  const auto dot = key.find('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

} // namespace

std::size_t edit_distance(const std::string& a_text, const std::string& b_text) {
  const std::string a = lower(a_text), b = lower(b_text);
  // Three rows of the dynamic programme suffice: a swap looks back two rows.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitute = previous[j - 1] + (a[i - 1] != b[j - 1]);
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, substitute});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], before[j - 2] + 1);
    }
    before.swap(previous);
    previous.swap(row);
  }
  return previous[b.size()];
}

std::vector<std::string> closest_names(const std::string& given,
                                       const std::vector<std::string>& known) {
  std::vector<std::size_t> distances;
  for (const auto& name : known)
    distances.push_back(edit_distance(given, name));
  return nearest(known, distances, typo_budget(given));
}

std::vector<std::string> closest_keys(const std::string& given,
                                      const std::vector<std::string>& known) {
  std::vector<std::size_t> distances;
  for (const auto& key : known) {
    std::size_t d = edit_distance(given, key);
    // The right name in the wrong section: one edit, whatever the sections are called.
    if (section_of(given) != section_of(key))
      d = std::min(d, edit_distance(name_of(given), name_of(key)) + 1);
    distances.push_back(d);
  }
  return nearest(known, distances, typo_budget(name_of(given)));
}

std::string did_you_mean(const std::vector<std::string>& suggestions) {
  if (suggestions.empty()) return "";
  std::string out = "did you mean '" + suggestions.front() + "'";
  for (std::size_t i = 1; i < suggestions.size(); ++i)
    out += (i + 1 == suggestions.size() ? " or '" : ", '") + suggestions[i] + "'";
  return out + "?";
}

} // namespace muxsim
