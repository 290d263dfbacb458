// Readers on several threads while one thread writes, run against every backend (storage_fixture.hpp).
#include <gmock/gmock.h>

#include <atomic>
#include <thread>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

class ConcurrencyTest : public StorageTest {};

TEST_P(ConcurrencyTest, ReadersSeeConsistentOrderedListsWhileOneThreadWrites) {
  constexpr int kInitial = 50;
  constexpr int kWrites = 150;
  constexpr int kReaders = 4;
  for (int i = 0; i < kInitial; ++i) Add(NewArticle("seed-" + std::to_string(i), kNow - kDay * (i + 1)));

  std::atomic<bool> writing{true};
  std::atomic<int> failures{0};
  std::atomic<int> reads{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&] {
      std::size_t last_count = 0;
      // Bounded: stops when the writer is done, or after many rounds whatever happens.
      for (int round = 0; round < 100'000 && (writing.load() || round < 5); ++round) {
        auto rows = articles().ListVisible({}, kNow, 0, 1000);
        if (!rows.ok()) {
          ++failures;
          continue;
        }
        // Committed rows only ever get added; and each snapshot is ordered.
        if (rows->size() < last_count) ++failures;
        last_count = rows->size();
        for (std::size_t i = 1; i < rows->size(); ++i) {
          const auto& a = (*rows)[i - 1];
          const auto& b = (*rows)[i];
          if (a.publish_at < b.publish_at || (a.publish_at == b.publish_at && a.id < b.id)) ++failures;
        }
        auto page = articles().FindVisibleBySlug("seed-0", kNow);
        if (!page.ok()) ++failures;
        ++reads;
      }
    });
  }
  for (int i = 0; i < kWrites; ++i) {
    auto id = articles().Create(NewArticle("new-" + std::to_string(i), kNow - std::chrono::seconds(i)), kNow);
    EXPECT_TRUE(id.ok()) << id.error().message;
  }
  writing = false;
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(Ids({}).size(), static_cast<std::size_t>(kInitial + kWrites));
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcurrencyTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
