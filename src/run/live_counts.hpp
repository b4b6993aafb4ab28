#pragma once
// Requests served so far by each running child, for the sweep's progress: a run's children
// are forked processes, so the counts live in memory shared with them (an anonymous shared
// mapping made before the fork). A child stores its count after each request; the parent
// reads them between polls. One slot per child running at once.
#include <atomic>
#include <cstddef>

namespace muxsim::run {

class LiveCounts {
public:
  explicit LiveCounts(std::size_t slots);
  ~LiveCounts();
  LiveCounts(const LiveCounts&) = delete;
  LiveCounts& operator=(const LiveCounts&) = delete;

  std::atomic<long>& slot(std::size_t i) { return counts_[i]; }
  std::size_t size() const { return slots_; }

private:
  std::size_t slots_;
  std::atomic<long>* counts_;
};

} // namespace muxsim::run
