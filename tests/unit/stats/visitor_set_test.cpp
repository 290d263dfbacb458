#include "gazette/stats/visitor_set.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <vector>

namespace gazette::stats {
namespace {

// Spreads consecutive numbers over all 64 bits, as the keyed hash does for real identities (splitmix64).
std::uint64_t Mixed(std::uint64_t n) {
  std::uint64_t z = n + 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

TEST(VisitorSet, InsertsOnceAndRemembers) {
  VisitorSet set;
  EXPECT_EQ(set.size(), 0u);
  EXPECT_FALSE(set.Contains(42));
  EXPECT_TRUE(set.Insert(42));
  EXPECT_TRUE(set.Contains(42));
  EXPECT_FALSE(set.Contains(43));
  EXPECT_EQ(set.size(), 1u);
  EXPECT_FALSE(set.Insert(42));
  EXPECT_EQ(set.size(), 1u);
}

TEST(VisitorSet, TellsApartIdentitiesThatShareABucketOrTheLowBits) {
  VisitorSet set;
  const std::uint64_t low_bits = 0x0000123456789ABCull;
  // Same top 16 bits (one bucket), neighbouring low bits.
  EXPECT_TRUE(set.Insert(0xABCD000000000001ull));
  EXPECT_TRUE(set.Insert(0xABCD000000000002ull));
  EXPECT_TRUE(set.Insert(0xABCD000000000000ull));
  EXPECT_TRUE(set.Insert(0xABCDFFFFFFFFFFFFull));
  // Same low 48 bits, different buckets.
  EXPECT_TRUE(set.Insert(low_bits));
  EXPECT_TRUE(set.Insert(0x0001000000000000ull | low_bits));
  EXPECT_TRUE(set.Insert(0xFFFF000000000000ull | low_bits));
  EXPECT_EQ(set.size(), 7u);
  EXPECT_TRUE(set.Contains(0xABCD000000000000ull));
  EXPECT_TRUE(set.Contains(0xFFFF000000000000ull | low_bits));
  EXPECT_FALSE(set.Contains(0xABCD000000000003ull));
  EXPECT_FALSE(set.Contains(0x0002000000000000ull | low_bits));
  EXPECT_FALSE(set.Contains(0));
  EXPECT_TRUE(set.Insert(0));
  EXPECT_TRUE(set.Insert(~std::uint64_t{0}));
  EXPECT_TRUE(set.Contains(~std::uint64_t{0}));
}

TEST(VisitorSet, KeepsABucketSortedWhateverTheInsertOrder) {
  VisitorSet set;
  // 2,000 identities in one bucket, inserted in a scrambled order; each must be found afterwards.
  std::vector<std::uint64_t> identities;
  for (std::uint64_t i = 0; i < 2000; ++i) identities.push_back(0x7777000000000000ull | (Mixed(i) >> 16));
  for (const auto identity : identities) EXPECT_TRUE(set.Insert(identity));
  for (const auto identity : identities) EXPECT_FALSE(set.Insert(identity));
  for (const auto identity : identities) EXPECT_TRUE(set.Contains(identity));
  EXPECT_FALSE(set.Contains(0x7777000000000000ull | 12345));
  EXPECT_EQ(set.size(), identities.size());
}

TEST(VisitorSet, TakeNewReturnsEachNewIdentityOnce) {
  VisitorSet set;
  for (std::uint64_t i = 0; i < 1000; ++i) set.Insert(Mixed(i));
  set.Insert(Mixed(5));  // a returning visitor is not new
  auto taken = set.TakeNew();
  std::sort(taken.begin(), taken.end());
  std::vector<std::uint64_t> expected;
  for (std::uint64_t i = 0; i < 1000; ++i) expected.push_back(Mixed(i));
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(taken, expected);

  EXPECT_TRUE(set.TakeNew().empty());
  set.Insert(Mixed(7));
  set.Insert(Mixed(5000));
  EXPECT_EQ(set.TakeNew(), std::vector<std::uint64_t>{Mixed(5000)});
  EXPECT_EQ(set.size(), 1001u);
}

TEST(VisitorSet, FindsANewIdentityBeforeAndAfterItIsFiled) {
  VisitorSet set;
  for (std::uint64_t i = 0; i < 100; ++i) EXPECT_TRUE(set.Insert(Mixed(i)));
  // Waiting to be filed: found, not new again, counted, and not yet in the compact store.
  EXPECT_EQ(set.MemoryBytes(), 0u);
  EXPECT_TRUE(set.Contains(Mixed(42)));
  EXPECT_FALSE(set.Insert(Mixed(42)));
  EXPECT_EQ(set.size(), 100u);
  EXPECT_EQ(set.TakeNew().size(), 100u);
  // Filed: the same answers.
  EXPECT_GT(set.MemoryBytes(), 0u);
  EXPECT_TRUE(set.Contains(Mixed(42)));
  EXPECT_FALSE(set.Insert(Mixed(42)));
  EXPECT_FALSE(set.Contains(Mixed(100)));
  EXPECT_EQ(set.size(), 100u);
}

TEST(VisitorSet, ABurstOnOneStripeIsFiledWithoutWaitingForTakeNew) {
  VisitorSet set;
  // 1,000 identities of one bucket (one stripe): beyond the waiting list's bound, the inserts file them.
  for (std::uint64_t i = 0; i < 1000; ++i) EXPECT_TRUE(set.Insert(0x4242000000000000ull | i));
  EXPECT_GT(set.MemoryBytes(), 0u);
  for (std::uint64_t i = 0; i < 1000; ++i) EXPECT_FALSE(set.Insert(0x4242000000000000ull | i));
  // Filed or waiting, each is taken once as new.
  auto taken = set.TakeNew();
  std::sort(taken.begin(), taken.end());
  ASSERT_EQ(taken.size(), 1000u);
  EXPECT_EQ(taken.front(), 0x4242000000000000ull);
  EXPECT_EQ(taken.back(), 0x4242000000000000ull | 999);
  EXPECT_TRUE(std::adjacent_find(taken.begin(), taken.end()) == taken.end());
}

TEST(VisitorSet, ClearForgetsEverything) {
  VisitorSet set;
  for (std::uint64_t i = 0; i < 10000; ++i) set.Insert(Mixed(i));
  set.TakeNew();  // files them into the buckets
  EXPECT_GT(set.MemoryBytes(), 0u);
  for (std::uint64_t i = 10000; i < 10100; ++i) set.Insert(Mixed(i));  // and some still waiting
  set.Clear();
  EXPECT_EQ(set.size(), 0u);
  EXPECT_EQ(set.MemoryBytes(), 0u);
  EXPECT_FALSE(set.Contains(Mixed(1)));
  EXPECT_TRUE(set.TakeNew().empty());
  EXPECT_TRUE(set.Insert(Mixed(1)));
  EXPECT_EQ(set.size(), 1u);
}

TEST(VisitorSet, ConcurrentInsertsCountEachIdentityOnce) {
  VisitorSet set;
  constexpr std::uint64_t kPerThread = 50000;
  constexpr int kThreads = 4;
  // Thread t inserts [t * kPerThread / 2, t * kPerThread / 2 + kPerThread): neighbours overlap by half.
  std::vector<std::size_t> inserted(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&set, &inserted, t] {
      const std::uint64_t first = static_cast<std::uint64_t>(t) * kPerThread / 2;
      for (std::uint64_t i = first; i < first + kPerThread; ++i) {
        if (set.Insert(Mixed(i))) ++inserted[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const std::size_t distinct = (kThreads + 1) * kPerThread / 2;
  EXPECT_EQ(set.size(), distinct);
  std::size_t reported_new = 0;
  for (const auto count : inserted) reported_new += count;
  EXPECT_EQ(reported_new, distinct);
  EXPECT_EQ(set.TakeNew().size(), distinct);
}

TEST(VisitorSet, HoldsAMillionVisitorsInEightBytesEach) {
  VisitorSet set;
  constexpr std::uint64_t kVisitors = 1'000'000;
  for (std::uint64_t i = 0; i < kVisitors; ++i) set.Insert(Mixed(i));
  set.TakeNew();
  ASSERT_EQ(set.size(), kVisitors);
  const double bytes_per_visitor = static_cast<double>(set.MemoryBytes()) / static_cast<double>(set.size());
  EXPECT_LE(bytes_per_visitor, 8.0);
  EXPECT_GE(bytes_per_visitor, 6.0);  // the entries themselves: a lower figure would mean miscounting
  EXPECT_TRUE(set.Contains(Mixed(123456)));
  EXPECT_FALSE(set.Contains(Mixed(kVisitors)));
}

}  // namespace
}  // namespace gazette::stats
