#include "gazette/site/syndication_cache.hpp"

namespace gazette::site {

std::shared_ptr<const SyndicationEntry> SyndicationCache::Find(std::string_view path, const PageSources& current,
                                                               Timestamp now) const {
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(std::string(path));
  if (found == entries_.end()) return nullptr;
  const auto& entry = found->second;
  // A clock that went back (a test, an NTP step) also makes the entry stale.
  if (now < entry->built_at || now >= entry->built_at + kSyndicationCacheTtl) return nullptr;
  if (!entry->sources.StillHold(current, now)) return nullptr;
  return entry;
}

void SyndicationCache::Put(std::string_view path, std::shared_ptr<const SyndicationEntry> entry) {
  const std::size_t size = entry->body->size() + path.size();
  std::lock_guard lock(mutex_);
  if (bytes_ + size > kSyndicationCacheMaxBytes) {
    entries_.clear();
    bytes_ = 0;
  }
  auto [slot, inserted] = entries_.try_emplace(std::string(path));
  if (!inserted) bytes_ -= slot->second->body->size() + path.size();
  slot->second = std::move(entry);
  bytes_ += size;
}

}  // namespace gazette::site
