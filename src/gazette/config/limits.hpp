#pragma once
/// Limits on configuration values, each with the reason for it. gazette.example.toml repeats them (it is
/// generated from the same key table, see RenderConfigFile), so change them here and regenerate it.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gazette::config {

/// A config file is a few KB; refuse to read a wrongly named large file into memory.
inline constexpr std::size_t kMaxConfigFileBytes = 1024 * 1024;
/// Site name and tagline: shown in every page header and feed title; longer does not fit a header.
inline constexpr std::size_t kMaxNameChars = 200;
inline constexpr std::size_t kMaxTaglineChars = 200;
/// Base URL: prefixes every absolute link and feed entry; longer than this is surely a mistake.
inline constexpr std::size_t kMaxBaseUrlChars = 512;
/// IANA zone names are at most about 30 characters ("America/Argentina/ComodRivadavia").
inline constexpr std::size_t kMaxTimeZoneChars = 64;
/// BCP 47 tags: RFC 5646 section 4.4.1 asks implementations to support at least 35 characters.
inline constexpr std::size_t kMaxLanguageChars = 35;
/// ICU date pattern: real patterns are under 30 characters; it is formatted on every page.
inline constexpr std::size_t kMaxDateFormatChars = 64;
/// Teasers per list page: more than 100 makes pages slow to render and to read.
inline constexpr int kMinPageSize = 1;
inline constexpr int kMaxPageSize = 100;
/// Featured articles shown as leads above the teasers: more than 10 pushes the news off the page.
inline constexpr int kMinLeadArticles = 0;
inline constexpr int kMaxLeadArticles = 10;
/// Server threads (0 means one per core): more than 256 only adds context switches.
inline constexpr int kMaxThreads = 256;
/// Trusted proxy ranges: each is checked on every request; more than 64 is a misconfiguration.
inline constexpr std::size_t kMaxTrustedProxies = 64;
/// Largest upload: an upload is held in memory while it arrives, so a gigabyte is the most a server should
/// be asked to hold per request; less than a kilobyte holds no image at all.
inline constexpr std::int64_t kMinUploadBytes = 1024;
inline constexpr std::int64_t kMaxUploadBytes = 1024 * 1024 * 1024;
/// Longest "HOST:PORT": a DNS name (253) plus brackets, colon and port.
inline constexpr std::size_t kMaxListenChars = 270;

/// Largest [stats] initial_total: far above any site's visits (a quadrillion), far below int64 overflow
/// when a century of daily figures is added to it.
inline constexpr std::int64_t kMaxInitialTotal = 1'000'000'000'000'000;

/// The rows the visitor counter can show, in the order they are usually listed.
inline constexpr std::string_view kCounterRows[] = {"today", "yesterday", "this_week", "this_month", "all"};

}  // namespace gazette::config
