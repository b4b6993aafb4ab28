#pragma once
// The cloud models of one plan, stored inline: a plan is made for every request, and a heap
// allocation per request was the closed form's largest cost (docs/speed.md).
#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>

namespace muxsim {

class SlotList {
public:
  static constexpr std::size_t kCapacity = 16; // cloud models a scenario may multiplex

  SlotList() = default;
  SlotList(std::initializer_list<int> slots) {
    for (int s : slots)
      push_back(s);
  }
  void push_back(int slot) { slots_[size_++] = static_cast<std::int8_t>(slot); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  int front() const { return slots_[0]; }
  const std::int8_t* begin() const { return slots_.data(); }
  const std::int8_t* end() const { return slots_.data() + size_; }
  bool operator==(const SlotList& other) const {
    return size_ == other.size_ && std::equal(begin(), end(), other.begin());
  }

private:
  std::array<std::int8_t, kCapacity> slots_{};
  std::uint8_t size_ = 0;
};

} // namespace muxsim
