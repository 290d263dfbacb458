// Layout: 2^16 buckets chosen by an identity's top 16 bits; each bucket is a sorted array of the remaining
// 48 bits, 6 bytes apiece, in one heap block sized to a malloc chunk and grown in small steps so that slack
// stays small. 256 stripes of 256 consecutive buckets each own one mutex: identities are uniform keyed
// hashes, so concurrent inserts land on different stripes 255 times in 256.
//
// Memory per visitor, measured in a release build (MemoryBytes() / size(), plus the fixed 0.82 MB of
// stripes and bucket headers): 1M visitors 6.98 + 0.82 = 7.8 bytes; 10M visitors 6.16 + 0.08 = 6.2 bytes.
// Beyond 10M it stays exact at about 6.2 bytes per visitor (6-byte entries, ~3% slack, malloc headers).
// glibc also keeps the small blocks that growing buckets left behind for reuse: the process heap grew by
// 9.2 bytes per visitor at 1M and 6.8 at 10M. The per-stripe lists of new identities (8 bytes each) come on
// top but are emptied by every TakeNew, so they hold at most one flush interval's new visitors.
//
// Where the buckets grow: a new identity first waits in its stripe's short list of new identities (it is
// found there as well), and TakeNew, called by the statistics flusher once a second, moves the waiting
// ones into their buckets. The many small, long-lived bucket blocks are so allocated by the flusher's
// thread, in its own malloc arena, and not by the request threads between the short-lived allocations of
// every page they render: interleaved there, they fragmented the request threads' heaps, and after 100,000
// new visitors malloc and free took 9 % more of a page's samples (perf, front page, returning visitor).
// Only a burst of more than 128 new identities on one stripe within one interval is merged by the
// inserting thread, which keeps every look-up's scan of the waiting list short.
#include "gazette/stats/visitor_set.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>

namespace gazette::stats {
namespace {

constexpr int kBucketBits = 16;
constexpr int kStripeBits = 8;
constexpr std::size_t kStripes = std::size_t{1} << kStripeBits;
constexpr std::size_t kBucketsPerStripe = std::size_t{1} << (kBucketBits - kStripeBits);
constexpr int kEntryBits = 64 - kBucketBits;
constexpr std::size_t kEntryBytes = kEntryBits / 8;
constexpr std::uint64_t kEntryMask = (std::uint64_t{1} << kEntryBits) - 1;

// glibc malloc: a chunk is its usable size plus an 8-byte header, in steps of 16 bytes, 32 at least.
// Asking for exactly a chunk's usable size wastes nothing between blocks; the header is counted as ours.
constexpr std::size_t kMallocHeader = 8;
constexpr std::size_t kMallocGranule = 16;
// Growth step as a fraction of the block: small blocks grow by one granule, large ones by about 1/16,
// keeping slack near 3% while a grown block is copied only every few inserts.
constexpr std::size_t kGrowthDivisor = 16;

// The usable bytes of the block that holds entries of count entries: a deterministic function of count,
// so a bucket needs no capacity field.
std::size_t BlockBytes(std::size_t count) {
  if (count == 0) return 0;
  const std::size_t needed = count * kEntryBytes + kMallocHeader;
  const std::size_t step = std::max(kMallocGranule, std::bit_floor(needed) / kGrowthDivisor);
  return (needed + step - 1) / step * step - kMallocHeader;
}

std::uint64_t LoadEntry(const std::uint8_t* entry) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < kEntryBytes; ++i) value |= std::uint64_t{entry[i]} << (8 * i);
  return value;
}

void StoreEntry(std::uint8_t* entry, std::uint64_t value) {
  for (std::size_t i = 0; i < kEntryBytes; ++i) entry[i] = static_cast<std::uint8_t>(value >> (8 * i));
}

// Index of the first entry not less than value, in a bucket sorted ascending.
std::size_t LowerBound(const std::uint8_t* entries, std::size_t count, std::uint64_t value) {
  std::size_t low = 0;
  std::size_t high = count;
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (LoadEntry(entries + middle * kEntryBytes) < value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

// Identities a stripe keeps waiting before the inserting thread merges them into the buckets itself:
// few enough that scanning them on every look-up stays cheap.
constexpr std::size_t kMaxWaiting = 128;
// A list of new identities that grew beyond this in a burst is released when taken, not kept for reuse.
constexpr std::size_t kKeptFreshCapacity = 4096;

// Aligned to a cache line so that two stripes' locks and counters never share one.
struct alignas(64) Stripe {
  mutable std::mutex mutex;
  std::array<std::uint8_t*, kBucketsPerStripe> entries{};
  std::array<std::uint32_t, kBucketsPerStripe> counts{};
  /// Inserted since the last TakeNew; fresh[merged..] are not in the buckets yet ("waiting").
  std::vector<std::uint64_t> fresh;
  std::size_t merged = 0;
  // Read without the lock by size() and MemoryBytes(); written under it.
  std::atomic<std::size_t> size{0};
  std::atomic<std::size_t> bytes{0};

  Stripe() = default;
  Stripe(const Stripe&) = delete;
  Stripe& operator=(const Stripe&) = delete;
  ~Stripe() { FreeAll(); }

  void FreeAll() {
    for (std::size_t i = 0; i < kBucketsPerStripe; ++i) {
      std::free(entries[i]);
      entries[i] = nullptr;
      counts[i] = 0;
    }
    fresh = {};
    merged = 0;
    size.store(0, std::memory_order_relaxed);
    bytes.store(0, std::memory_order_relaxed);
  }

  bool InBuckets(std::size_t bucket, std::uint64_t entry) const {
    const std::size_t count = counts[bucket];
    const std::size_t index = LowerBound(entries[bucket], count, entry);
    return index < count && LoadEntry(entries[bucket] + index * kEntryBytes) == entry;
  }

  bool Waiting(std::uint64_t identity) const {
    return std::find(fresh.begin() + static_cast<std::ptrdiff_t>(merged), fresh.end(), identity) != fresh.end();
  }

  /// Adds an identity known to be absent to its sorted bucket, growing the bucket's block when needed.
  void AddToBucket(std::size_t bucket, std::uint64_t entry) {
    std::uint8_t* block = entries[bucket];
    const std::size_t count = counts[bucket];
    const std::size_t index = LowerBound(block, count, entry);
    const std::size_t old_block = BlockBytes(count);
    const std::size_t new_block = BlockBytes(count + 1);
    if (new_block != old_block) {
      auto* grown = static_cast<std::uint8_t*>(std::realloc(block, new_block));
      if (grown == nullptr) throw std::bad_alloc();
      block = grown;
      entries[bucket] = grown;
      const std::size_t old_held = old_block == 0 ? 0 : old_block + kMallocHeader;
      bytes.store(bytes.load(std::memory_order_relaxed) + new_block + kMallocHeader - old_held,
                  std::memory_order_relaxed);
    }
    std::uint8_t* slot = block + index * kEntryBytes;
    std::memmove(slot + kEntryBytes, slot, (count - index) * kEntryBytes);
    StoreEntry(slot, entry);
    counts[bucket] = static_cast<std::uint32_t>(count + 1);
  }

  void MergeWaiting() {
    for (std::size_t i = merged; i < fresh.size(); ++i) {
      const auto bucket = static_cast<std::size_t>(fresh[i] >> kEntryBits) % kBucketsPerStripe;
      AddToBucket(bucket, fresh[i] & kEntryMask);
    }
    merged = fresh.size();
  }
};

}  // namespace

struct VisitorSet::Impl {
  std::unique_ptr<Stripe[]> stripes = std::make_unique<Stripe[]>(kStripes);
  // The sum of the stripes' sizes, kept apart because size() runs on every page (the counter block) and
  // summing 256 stripes there would read 256 cache lines; only inserts of new visitors write it.
  alignas(64) std::atomic<std::size_t> total{0};

  // The stripe, the bucket within it, and the 48 bits stored.
  struct Place {
    Stripe& stripe;
    std::size_t bucket;
    std::uint64_t entry;
  };
  Place Locate(std::uint64_t identity) const {
    const auto bucket = static_cast<std::size_t>(identity >> kEntryBits);
    return {stripes[bucket / kBucketsPerStripe], bucket % kBucketsPerStripe, identity & kEntryMask};
  }
};

VisitorSet::VisitorSet() : impl_(std::make_unique<Impl>()) {}
VisitorSet::~VisitorSet() = default;

bool VisitorSet::Insert(std::uint64_t identity) {
  auto [stripe, bucket, entry] = impl_->Locate(identity);
  const std::lock_guard lock(stripe.mutex);
  if (stripe.InBuckets(bucket, entry) || stripe.Waiting(identity)) return false;
  stripe.fresh.push_back(identity);
  stripe.size.store(stripe.size.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  impl_->total.fetch_add(1, std::memory_order_relaxed);
  if (stripe.fresh.size() - stripe.merged >= kMaxWaiting) stripe.MergeWaiting();
  return true;
}

bool VisitorSet::Contains(std::uint64_t identity) const {
  auto [stripe, bucket, entry] = impl_->Locate(identity);
  const std::lock_guard lock(stripe.mutex);
  return stripe.InBuckets(bucket, entry) || stripe.Waiting(identity);
}

std::size_t VisitorSet::size() const {
  return impl_->total.load(std::memory_order_relaxed);
}

std::size_t VisitorSet::MemoryBytes() const {
  std::size_t total = 0;
  for (std::size_t i = 0; i < kStripes; ++i) total += impl_->stripes[i].bytes.load(std::memory_order_relaxed);
  return total;
}

void VisitorSet::Clear() {
  for (std::size_t i = 0; i < kStripes; ++i) {
    Stripe& stripe = impl_->stripes[i];
    const std::lock_guard lock(stripe.mutex);
    impl_->total.fetch_sub(stripe.size.load(std::memory_order_relaxed), std::memory_order_relaxed);
    stripe.FreeAll();
  }
}

std::vector<std::uint64_t> VisitorSet::TakeNew() {
  std::vector<std::uint64_t> taken;
  for (std::size_t i = 0; i < kStripes; ++i) {
    Stripe& stripe = impl_->stripes[i];
    const std::lock_guard lock(stripe.mutex);
    stripe.MergeWaiting();
    taken.insert(taken.end(), stripe.fresh.begin(), stripe.fresh.end());
    // The list keeps its capacity for the next interval, so the request path does not allocate for it.
    if (stripe.fresh.capacity() > kKeptFreshCapacity) {
      stripe.fresh = {};
    } else {
      stripe.fresh.clear();
    }
    stripe.merged = 0;
  }
  return taken;
}

}  // namespace gazette::stats
