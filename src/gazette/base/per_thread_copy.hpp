#pragma once
/// PerThreadCopy<T>: one lazily made copy of an object per thread, for objects that are read-only in
/// spirit but not safe to use from two threads at once (ICU formatters, parsed templates). Lock-free on
/// the hot path: after a thread's first call, Get() is a short scan of a thread-local list.

#include <algorithm>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace gazette {

template <typename T>
class PerThreadCopy {
 public:
  /// make is called once per thread that calls Get(), from that thread, possibly from several threads at
  /// once: it must only read shared state. It must not return null.
  using Factory = std::function<std::unique_ptr<T>()>;

  explicit PerThreadCopy(Factory make) : owner_(std::make_shared<Factory>(std::move(make))) {}

  /// This thread's copy. The reference stays valid until this thread ends or calls Get() on another
  /// PerThreadCopy<T> after this one was destroyed (copies of dead owners are dropped then). Thread-safe.
  T& Get() const {
    thread_local std::vector<Slot> slots;
    for (const Slot& slot : slots) {
      if (!slot.owner.owner_before(owner_) && !owner_.owner_before(slot.owner)) return *slot.copy;
    }
    std::erase_if(slots, [](const Slot& slot) { return slot.owner.expired(); });
    slots.push_back(Slot{owner_, (*owner_)()});
    return *slots.back().copy;
  }

 private:
  // Slots are keyed by the owner's control block, which outlives the owner while a weak_ptr points at it,
  // so a new owner at a recycled address never finds an old owner's copy.
  struct Slot {
    std::weak_ptr<const Factory> owner;
    std::unique_ptr<T> copy;
  };
  std::shared_ptr<const Factory> owner_;
};

}  // namespace gazette
