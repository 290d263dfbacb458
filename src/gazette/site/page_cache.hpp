#pragma once
/// PageCache: rendered public pages in memory, by key (path and the query that selects the page), bounded
/// in bytes and evicting the least recently used. It only stores and finds: whether a page found is still
/// current is its caller's test (CachedPage::sources), and a stale one is simply replaced.

#include <array>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "gazette/site/cached_page.hpp"

namespace gazette::site {

struct PageCacheOptions {
  bool enabled = true;
  std::size_t max_bytes = std::size_t{64} * 1024 * 1024;  ///< config [cache] max_bytes
};

/// Thread-safe. Split into shards by key, each with its own lock and its share of the bound, so that the
/// server's threads rarely wait for one another on a hit.
class PageCache {
 public:
  /// max_bytes: the bound on the pages' bytes() together; a page over a shard's share is not kept.
  explicit PageCache(std::size_t max_bytes);
  PageCache(const PageCache&) = delete;
  PageCache& operator=(const PageCache&) = delete;

  /// The page kept under key (now the most recently used), or null.
  std::shared_ptr<const CachedPage> Find(std::string_view key);
  /// Keeps page under key, replacing what was there, then evicts the least recently used pages of its
  /// shard until the shard is within its share.
  void Put(std::string_view key, std::shared_ptr<const CachedPage> page);

  std::size_t bytes() const;
  std::size_t size() const;

 private:
  static constexpr std::size_t kShards = 8;

  struct Entry {
    std::string key;
    std::shared_ptr<const CachedPage> page;
    std::size_t bytes = 0;
  };
  struct Shard {
    mutable std::mutex mutex;
    std::list<Entry> recency;  ///< most recently used first
    std::unordered_map<std::string_view, std::list<Entry>::iterator> by_key;  ///< keys point into recency
    std::size_t bytes = 0;
  };

  Shard& ShardOf(std::string_view key);

  const std::size_t shard_bound_;
  std::array<Shard, kShards> shards_;
};

}  // namespace gazette::site
