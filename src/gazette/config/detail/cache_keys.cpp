#include "gazette/config/detail/cache_keys.hpp"

#include <fmt/format.h>

namespace gazette::config::detail {
namespace {

/// Below 1 MiB the cache holds a handful of pages (a front page with its gzip and brotli variants is
/// about 100 KB), so it would evict on nearly every request and only cost time.
constexpr std::int64_t kMinCacheBytes = std::int64_t{1024} * 1024;
/// 16 GiB holds every page of a 100,000-article site several times over; more is almost surely a mistake
/// in units, and the machine would run out of memory before the cache filled.
constexpr std::int64_t kMaxCacheBytes = std::int64_t{16} * 1024 * 1024 * 1024;

}  // namespace

void AddCacheKeys(std::vector<KeySpec>& keys) {
  keys.push_back({"cache", "enabled", ValueKind::kBoolean,
                  "Keep rendered public pages, and their gzip and brotli variants, in memory until what they "
                  "show changes (off: every request renders its page, e.g. to measure rendering).",
                  false,
                  [](Config& config, Value value) -> Status {
                    config.cache.enabled = std::get<bool>(value);
                    return OkStatus();
                  },
                  [](const Config& config) -> Value { return config.cache.enabled; }});
  keys.push_back({"cache", "max_bytes", ValueKind::kInteger,
                  fmt::format("Memory for cached pages and their compressed variants, in bytes: 1 MiB..16 GiB "
                              "({}..{}). Beyond it the least recently used pages are dropped.",
                              kMinCacheBytes, kMaxCacheBytes),
                  false,
                  [](Config& config, Value value) -> Status {
                    const std::int64_t bytes = std::get<std::int64_t>(value);
                    if (bytes < kMinCacheBytes || bytes > kMaxCacheBytes) {
                      return MakeError(ErrorCode::kInvalid,
                                       fmt::format("must be between {} (1 MiB) and {} (16 GiB) bytes (got {})",
                                                   kMinCacheBytes, kMaxCacheBytes, bytes));
                    }
                    config.cache.max_bytes = bytes;
                    return OkStatus();
                  },
                  [](const Config& config) -> Value { return config.cache.max_bytes; }});
}

}  // namespace gazette::config::detail
