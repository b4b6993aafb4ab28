#include "run/live_counts.hpp"

#include <new>
#include <stdexcept>
#include <sys/mman.h>

namespace muxsim::run {

// A lock-free std::atomic<long> is a plain word, so it works across processes.
static_assert(std::atomic<long>::is_always_lock_free);

LiveCounts::LiveCounts(std::size_t slots) : slots_(slots) {
  void* memory = ::mmap(nullptr, slots * sizeof(std::atomic<long>), PROT_READ | PROT_WRITE,
                        MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) throw std::runtime_error("mmap of the progress counts failed");
  counts_ = static_cast<std::atomic<long>*>(memory);
  for (std::size_t i = 0; i < slots; ++i)
    new (&counts_[i]) std::atomic<long>(0);
}

LiveCounts::~LiveCounts() {
  ::munmap(counts_, slots_ * sizeof(std::atomic<long>));
}

} // namespace muxsim::run
