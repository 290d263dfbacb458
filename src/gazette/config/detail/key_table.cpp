#include "gazette/config/detail/key_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "gazette/config/detail/address.hpp"
#include "gazette/config/detail/base_url.hpp"
#include "gazette/config/detail/cache_keys.hpp"
#include "gazette/config/detail/comment_keys.hpp"
#include "gazette/config/detail/value_checks.hpp"
#include "gazette/config/limits.hpp"

namespace gazette::config::detail {
namespace {

constexpr std::array<std::string_view, 5> kSections = {"site", "server", "stats", "comments", "cache"};

// Accessors for each kind; apply functions are only called with a value of their key's kind.
std::string& Text(Value& value) {
  return std::get<std::string>(value);
}
std::int64_t Integer(const Value& value) {
  return std::get<std::int64_t>(value);
}

// A text key: checked by CheckText, then stored.
template <std::string SiteConfig::*kMember, std::size_t kMaxChars, bool kAllowEmpty>
Status ApplySiteText(Config& config, Value value) {
  if (auto status = CheckText(Text(value), kMaxChars, kAllowEmpty); !status) return status;
  config.site.*kMember = std::move(Text(value));
  return OkStatus();
}

template <std::string SiteConfig::*kMember>
Value ReadSiteText(const Config& config) {
  return config.site.*kMember;
}

template <int SiteConfig::*kMember, int kMin, int kMax>
Status ApplySiteInteger(Config& config, Value value) {
  if (auto status = CheckRange(Integer(value), kMin, kMax); !status) return status;
  config.site.*kMember = static_cast<int>(Integer(value));
  return OkStatus();
}

template <int SiteConfig::*kMember>
Value ReadSiteInteger(const Config& config) {
  return std::int64_t{config.site.*kMember};
}

Status ApplyBaseUrl(Config& config, Value value) {
  auto url = NormalizeBaseUrl(Text(value));
  if (!url) return std::move(url).error();
  config.site.base_url = std::move(url).value();
  return OkStatus();
}

Status ApplyTimeZone(Config& config, Value value) {
  if (auto status = CheckTimeZone(Text(value)); !status) return status;
  config.site.timezone = std::move(Text(value));
  return OkStatus();
}

Status ApplyLanguage(Config& config, Value value) {
  if (auto status = CheckLanguageTag(Text(value)); !status) return status;
  config.site.language = std::move(Text(value));
  return OkStatus();
}

Status ApplyListen(Config& config, Value value) {
  auto listen = ParseListen(Text(value));
  if (!listen) return MakeError(ErrorCode::kInvalid, "is not a valid address: " + listen.error().message);
  config.server.host = std::move(listen->first);
  config.server.port = listen->second;
  return OkStatus();
}

Status ApplyThreads(Config& config, Value value) {
  if (auto status = CheckRange(Integer(value), 0, kMaxThreads); !status) return status;
  config.server.threads = static_cast<int>(Integer(value));
  return OkStatus();
}

Status ApplySlowRequestThreads(Config& config, Value value) {
  if (auto status = CheckRange(Integer(value), 0, kMaxThreads); !status) return status;
  config.server.slow_request_threads = static_cast<int>(Integer(value));
  return OkStatus();
}

Status ApplyMaxUploadBytes(Config& config, Value value) {
  if (auto status = CheckRange(Integer(value), kMinUploadBytes, kMaxUploadBytes); !status) return status;
  config.server.max_upload_bytes = Integer(value);
  return OkStatus();
}

Status ApplyTrustedProxies(Config& config, Value value) {
  const auto& entries = std::get<std::vector<std::string>>(value);
  if (entries.size() > kMaxTrustedProxies) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("must list at most {} ranges (got {})", kMaxTrustedProxies, entries.size()));
  }
  std::vector<std::string> ranges;
  for (const auto& entry : entries) {
    auto range = NormalizeCidr(entry);
    if (!range) return MakeError(ErrorCode::kInvalid, "must hold CIDR ranges: " + range.error().message);
    ranges.push_back(std::move(range).value());
  }
  config.server.trusted_proxies = std::move(ranges);
  return OkStatus();
}

Status ApplyCounterRows(Config& config, Value value) {
  auto& rows = std::get<std::vector<std::string>>(value);
  if (rows.empty()) return MakeError(ErrorCode::kInvalid, "must name at least one row");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (std::find(std::begin(kCounterRows), std::end(kCounterRows), rows[i]) == std::end(kCounterRows)) {
      return MakeError(ErrorCode::kInvalid,
                       fmt::format("has an unknown row \"{}\" (known rows: today, yesterday, this_week, "
                                   "this_month, all)",
                                   rows[i]));
    }
    if (std::find(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(i), rows[i]) !=
        rows.begin() + static_cast<std::ptrdiff_t>(i)) {
      return MakeError(ErrorCode::kInvalid, fmt::format("lists the row \"{}\" twice", rows[i]));
    }
  }
  config.stats.rows = std::move(rows);
  return OkStatus();
}

std::vector<KeySpec> BuildTable() {
  std::vector<KeySpec> keys;
  keys.push_back(
      {"site", "name", ValueKind::kString,
       fmt::format("The site's name: page header, titles, feeds. 1..{} characters: longer does not fit "
                   "a header.",
                   kMaxNameChars),
       true, &ApplySiteText<&SiteConfig::name, kMaxNameChars, false>, &ReadSiteText<&SiteConfig::name>});
  keys.push_back(
      {"site", "tagline", ValueKind::kString,
       fmt::format("One line under the name, e.g. what the site has done since 2001. Up to {} characters.",
                   kMaxTaglineChars),
       true, &ApplySiteText<&SiteConfig::tagline, kMaxTaglineChars, true>,
       &ReadSiteText<&SiteConfig::tagline>});
  keys.push_back(
      {"site", "base_url", ValueKind::kString,
       fmt::format("Absolute http(s) URL the site is reached at, for links in feeds and sitemaps (a "
                   "trailing slash is dropped). Up to {} characters.",
                   kMaxBaseUrlChars),
       true, &ApplyBaseUrl, &ReadSiteText<&SiteConfig::base_url>});
  keys.push_back(
      {"site", "timezone", ValueKind::kString,
       "IANA time zone of the site's calendar: today's date, archives, schedules (e.g. Europe/London).", true,
       &ApplyTimeZone, &ReadSiteText<&SiteConfig::timezone>});
  keys.push_back(
      {"site", "language", ValueKind::kString,
       "BCP 47 language of the site (en, de, pt-BR): day and month names, the html lang attribute.", false,
       &ApplyLanguage, &ReadSiteText<&SiteConfig::language>});
  keys.push_back({"site", "date_format", ValueKind::kString,
                  fmt::format("ICU date pattern for today's date in the header (the default gives \"Friday, "
                              "2.01.2026\"). Up to {} characters: it is formatted on every page.",
                              kMaxDateFormatChars),
                  false, &ApplySiteText<&SiteConfig::date_format, kMaxDateFormatChars, false>,
                  &ReadSiteText<&SiteConfig::date_format>});
  keys.push_back({"site", "page_size", ValueKind::kInteger,
                  fmt::format("Teasers per list page, {}..{}: more makes pages slow to render and to read.",
                              kMinPageSize, kMaxPageSize),
                  false, &ApplySiteInteger<&SiteConfig::page_size, kMinPageSize, kMaxPageSize>,
                  &ReadSiteInteger<&SiteConfig::page_size>});
  keys.push_back(
      {"site", "lead_articles", ValueKind::kInteger,
       fmt::format("Featured articles shown as leads above the teasers, {}..{}: more pushes the news off "
                   "the page.",
                   kMinLeadArticles, kMaxLeadArticles),
       false, &ApplySiteInteger<&SiteConfig::lead_articles, kMinLeadArticles, kMaxLeadArticles>,
       &ReadSiteInteger<&SiteConfig::lead_articles>});
  keys.push_back(
      {"server", "listen", ValueKind::kString,
       "Address to serve on, HOST:PORT: 127.0.0.1:8080, [::1]:8080, :8080 for every IPv4 interface, "
       "port 0 for any free port. `gazette serve --listen` wins over it.",
       false, &ApplyListen,
       [](const Config& config) -> Value { return FormatListen(config.server.host, config.server.port); }});
  keys.push_back(
      {"server", "threads", ValueKind::kInteger,
       fmt::format("Threads serving requests, 0 for one per core, up to {}: more only adds context "
                   "switches.",
                   kMaxThreads),
       false, &ApplyThreads,
       [](const Config& config) -> Value { return std::int64_t{config.server.threads}; }});
  keys.push_back(
      {"server", "slow_request_threads", ValueKind::kInteger,
       fmt::format("Threads for the slow requests (logins, searches, sitemaps, comments, the back office), "
                   "so that one never holds up the threads serving pages; 0 for as many as threads (two at "
                   "least), up to {}.",
                   kMaxThreads),
       false, &ApplySlowRequestThreads,
       [](const Config& config) -> Value { return std::int64_t{config.server.slow_request_threads}; }});
  keys.push_back(
      {"server", "trusted_proxies", ValueKind::kStringList,
       fmt::format("CIDR ranges of reverse proxies whose X-Forwarded-For is believed, e.g. "
                   "[\"127.0.0.1/32\", \"::1/128\"]; a bare address means that one host. Up to {}: "
                   "each is checked on every request.",
                   kMaxTrustedProxies),
       false, &ApplyTrustedProxies,
       [](const Config& config) -> Value { return config.server.trusted_proxies; }});
  keys.push_back({"server", "access_log", ValueKind::kBoolean,
                  "Log one line per request (method, path, status, bytes, microseconds) to stderr.", false,
                  [](Config& config, Value value) -> Status {
                    config.server.access_log = std::get<bool>(value);
                    return OkStatus();
                  },
                  [](const Config& config) -> Value { return config.server.access_log; }});
  keys.push_back(
      {"server", "max_upload_bytes", ValueKind::kInteger,
       fmt::format("Largest file the back office accepts as an upload (images for articles), in bytes, "
                   "{}..{} (1 KiB..1 GiB): each upload is held in memory while it arrives. Other requests "
                   "keep a 1 MiB limit.",
                   kMinUploadBytes, kMaxUploadBytes),
       false, &ApplyMaxUploadBytes,
       [](const Config& config) -> Value { return config.server.max_upload_bytes; }});
  keys.push_back({"stats", "counting", ValueKind::kBoolean,
                  "Count visitors and article hits (off: the counter shows the stored figures only).", false,
                  [](Config& config, Value value) -> Status {
                    config.stats.counting = std::get<bool>(value);
                    return OkStatus();
                  },
                  [](const Config& config) -> Value { return config.stats.counting; }});
  keys.push_back(
      {"stats", "initial_total", ValueKind::kInteger,
       "Visitors counted before the site moved to Gazette, added to All so the total carries over. "
       "0 up to a quadrillion.",
       false,
       [](Config& config, Value value) -> Status {
         if (auto status = CheckRange(Integer(value), 0, kMaxInitialTotal); !status) return status;
         config.stats.initial_total = Integer(value);
         return OkStatus();
       },
       [](const Config& config) -> Value { return config.stats.initial_total; }});
  keys.push_back({"stats", "rows", ValueKind::kStringList,
                  "Rows of the visitor counter, in order: today, yesterday, this_week (from Monday), "
                  "this_month, all.",
                  false, &ApplyCounterRows, [](const Config& config) -> Value { return config.stats.rows; }});
  keys.push_back({"stats", "show_article_hits", ValueKind::kBoolean,
                  "Show on each article page how many times it has been read.", false,
                  [](Config& config, Value value) -> Status {
                    config.stats.show_article_hits = std::get<bool>(value);
                    return OkStatus();
                  },
                  [](const Config& config) -> Value { return config.stats.show_article_hits; }});
  AddCommentKeys(keys);
  AddCacheKeys(keys);
  return keys;
}

}  // namespace

const char* ValueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kString:
      return "a string";
    case ValueKind::kInteger:
      return "an integer";
    case ValueKind::kBoolean:
      return "true or false";
    case ValueKind::kStringList:
      return "an array of strings";
  }
  return "a value";
}

std::span<const KeySpec> AllKeys() {
  static const std::vector<KeySpec> kKeys = BuildTable();
  return kKeys;
}

std::span<const std::string_view> Sections() {
  return kSections;
}

const KeySpec* FindKey(std::string_view section, std::string_view name) {
  for (const KeySpec& key : AllKeys()) {
    if (key.section == section && key.name == name) return &key;
  }
  return nullptr;
}

std::string KeyNames(std::string_view section) {
  std::string names;
  for (const KeySpec& key : AllKeys()) {
    if (key.section != section) continue;
    if (!names.empty()) names += ", ";
    names += key.name;
  }
  return names;
}

std::string KeyLabel(const KeySpec& key) {
  return fmt::format("[{}] {}", key.section, key.name);
}

std::string EnvironmentName(const KeySpec& key) {
  std::string name = fmt::format("GAZETTE_{}_{}", key.section, key.name);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return name;
}

}  // namespace gazette::config::detail
