#pragma once
/// Config: the typed contents of DIR/gazette.toml, with GAZETTE_SECTION_KEY environment overrides.
/// Every key, its default and the reason for its limits are in gazette.example.toml.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gazette/base/result.hpp"

namespace gazette::config {

struct SiteConfig {
  std::string name = "Gazette";
  std::string tagline;
  std::string base_url = "http://127.0.0.1:8080";  ///< absolute, no trailing slash
  std::string timezone = "UTC";                    ///< IANA name, checked at load
  std::string language = "en";                     ///< BCP 47 ("en", "de", "pl")
  std::string date_format = "EEEE, d.MM.yyyy";     ///< ICU pattern
  int page_size = 10;                              ///< teasers per list page, 1..100
  int lead_articles = 1;                           ///< featured articles shown as leads, 0..10
  bool operator==(const SiteConfig&) const = default;
};

struct ServerConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int threads = 0;                           ///< 0: one per core
  int slow_request_threads = 0;              ///< 0: as many as threads, two at least
  std::vector<std::string> trusted_proxies;  ///< CIDR ranges whose X-Forwarded-For is believed
  bool access_log = true;
  std::int64_t max_upload_bytes = 10 * 1024 * 1024;  ///< largest file upload to the back office's media
  bool operator==(const ServerConfig&) const = default;
};

/// The visitor counter and article hits (issue: visitor statistics).
struct StatsConfig {
  bool counting = true;             ///< count visits at all (off: the counter shows stored figures only)
  std::int64_t initial_total = 0;   ///< added to All: the total a site brings from its previous software
  std::vector<std::string> rows = {"today", "yesterday", "all"};  ///< rows the counter block shows, in order
  bool show_article_hits = false;   ///< show "read N times" on article pages
  bool operator==(const StatsConfig&) const = default;
};

/// Readers' comments: how they are moderated and the anti-spam limits (see comments::CommentOptions).
struct CommentsConfig {
  std::string moderation = "all";  ///< "all": every comment waits for an editor; "trusted": known e-mails post directly
  int max_links = 3;               ///< links one comment may hold, 0..20
  int min_seconds = 3;             ///< least time between showing the form and sending it, 0..5
  bool operator==(const CommentsConfig&) const = default;
};

/// The in-memory page cache (issue: speed): rendered public pages and their compressed variants.
struct CacheConfig {
  bool enabled = true;                        ///< keep rendered public pages in memory
  std::int64_t max_bytes = 64 * 1024 * 1024;  ///< memory for cached pages and their compressed variants
  bool operator==(const CacheConfig&) const = default;
};

struct Config {
  std::filesystem::path dir;  ///< the site directory holding gazette.toml
  SiteConfig site;
  ServerConfig server;
  StatsConfig stats;
  CommentsConfig comments;
  CacheConfig cache;

  std::filesystem::path database_path() const { return dir / "gazette.db"; }
  std::filesystem::path config_path() const { return dir / "gazette.toml"; }
  std::filesystem::path theme_override_dir() const { return dir / "theme"; }
  bool operator==(const Config&) const = default;
};

/// Environment variables as name -> value (a test passes its own; main passes the process's).
using Environment = std::map<std::string, std::string>;
Environment ProcessEnvironment();

/// Reads DIR/gazette.toml, then applies GAZETTE_<SECTION>_<KEY> overrides from env.
/// kNotFound when the file is missing; kInvalid for a syntax error, an unknown key or a bad value, with a
/// message naming the file, line and key ("gazette.toml:7: [site] page_size must be 1..100, got 0") or
/// the environment variable.
Result<Config> LoadConfig(const std::filesystem::path& dir, const Environment& env);

/// LoadConfig without the file system: text is taken as the contents of dir/gazette.toml (that path is
/// what messages name). Used by tests and by `gazette init` to check a config before writing it.
Result<Config> ParseConfig(std::string_view text, const std::filesystem::path& dir, const Environment& env);

/// Sets [section] key from text, checked exactly as in gazette.toml; text is read like an environment
/// variable (decimal integers, true/false, comma-separated lists). For command-line options such as
/// `gazette init --timezone`. kInvalid for an unknown key or a bad value ("[site] timezone must be ...").
Status SetKey(Config& config, std::string_view section, std::string_view key, std::string_view text);

/// The text of a new gazette.toml with these values and every other key commented with its default.
std::string RenderConfigFile(const Config& config);

/// Parses "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080", ":8080" for all interfaces). kInvalid otherwise.
/// A host is an IPv4 address, a bracketed IPv6 address or a DNS name; ":PORT" gives host "0.0.0.0".
/// Port 0 asks the system for a free port.
Result<std::pair<std::string, std::uint16_t>> ParseListen(std::string_view text);

/// The inverse of ParseListen: "127.0.0.1:8080", "[::1]:8080".
std::string FormatListen(std::string_view host, std::uint16_t port);

}  // namespace gazette::config
