#pragma once
/// VisitorSet: the day's distinct visitor identities (64-bit keyed hashes) in at most 8 bytes per visitor,
/// exact (no false "seen before") up to well beyond 10 million visitors a day. Striped locks: concurrent
/// inserts from different threads rarely touch the same lock, and no lock is shared by every request.
///
/// Measured: 7.8 bytes per visitor at 1 million, 6.2 at 10 million (fixed overhead included; see
/// visitor_set.cpp). Beyond 10 million the set stays exact; memory keeps growing by about 6.2 bytes per
/// visitor, with no upper bound, so a day of 100 million visitors takes about 620 MB.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace gazette::stats {

/// Thread-safe.
class VisitorSet {
 public:
  VisitorSet();
  ~VisitorSet();
  VisitorSet(const VisitorSet&) = delete;
  VisitorSet& operator=(const VisitorSet&) = delete;

  /// True when the identity was not in the set (and is now).
  bool Insert(std::uint64_t identity);
  bool Contains(std::uint64_t identity) const;
  std::size_t size() const;
  /// Bytes held for the identities (excluding the fixed per-set overhead of about 0.8 MB, and the identities
  /// waiting for TakeNew), for the stated bound.
  std::size_t MemoryBytes() const;
  /// Removes everything (at day rollover), including identities not yet taken by TakeNew.
  void Clear();
  /// Identities inserted since the last call, in no particular order (for the flusher to persist). Until
  /// taken they cost 8 bytes each on top of MemoryBytes(): transient, bounded by one flush interval's new
  /// visitors when the flusher calls this every interval. Also files the new identities into the compact
  /// store, in the calling thread (see visitor_set.cpp for why that is the flusher's and not a request's).
  std::vector<std::uint64_t> TakeNew();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::stats
