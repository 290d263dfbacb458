#include "gazette/site/page_cache.hpp"

#include <functional>

namespace gazette::site {

std::size_t CachedPage::bytes() const {
  std::size_t total = sizeof(CachedPage) + content_type.size() + slots.size() * sizeof(LiveSlot);
  for (const auto& [name, value] : headers) total += name.size() + value.size() + 2 * sizeof(std::string);
  total += identity.stored_bytes();
  if (gzip) total += gzip->stored_bytes();
  if (brotli) total += brotli->stored_bytes();
  return total;
}

PageCache::PageCache(std::size_t max_bytes) : shard_bound_(max_bytes / kShards) {}

PageCache::Shard& PageCache::ShardOf(std::string_view key) {
  return shards_[std::hash<std::string_view>{}(key) % kShards];
}

std::shared_ptr<const CachedPage> PageCache::Find(std::string_view key) {
  Shard& shard = ShardOf(key);
  std::lock_guard lock(shard.mutex);
  const auto found = shard.by_key.find(key);
  if (found == shard.by_key.end()) return nullptr;
  shard.recency.splice(shard.recency.begin(), shard.recency, found->second);
  return found->second->page;
}

void PageCache::Put(std::string_view key, std::shared_ptr<const CachedPage> page) {
  const std::size_t page_bytes = page->bytes() + key.size() + sizeof(Entry);
  Shard& shard = ShardOf(key);
  std::shared_ptr<const CachedPage> replaced;  // released after the lock: freeing a page takes a while
  std::list<Entry> evicted;
  std::lock_guard lock(shard.mutex);
  if (const auto found = shard.by_key.find(key); found != shard.by_key.end()) {
    shard.bytes -= found->second->bytes;
    replaced = std::move(found->second->page);
    const auto entry = found->second;
    shard.by_key.erase(found);
    evicted.splice(evicted.end(), shard.recency, entry);
  }
  if (page_bytes > shard_bound_) return;
  shard.recency.push_front(Entry{std::string(key), std::move(page), page_bytes});
  shard.by_key.emplace(shard.recency.front().key, shard.recency.begin());
  shard.bytes += page_bytes;
  while (shard.bytes > shard_bound_ && !shard.recency.empty()) {
    const auto last = std::prev(shard.recency.end());
    shard.bytes -= last->bytes;
    shard.by_key.erase(last->key);
    evicted.splice(evicted.end(), shard.recency, last);
  }
}

std::size_t PageCache::bytes() const {
  std::size_t total = 0;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    total += shard.bytes;
  }
  return total;
}

std::size_t PageCache::size() const {
  std::size_t total = 0;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    total += shard.by_key.size();
  }
  return total;
}

}  // namespace gazette::site
