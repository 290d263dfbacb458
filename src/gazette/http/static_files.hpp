#pragma once
/// StaticFiles: theme assets held in memory under fingerprinted names ("/assets/css/site.3f2a9c01.css"),
/// served with a one-year immutable cache lifetime; the fingerprint changes when the content does.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/http/response.hpp"

namespace gazette::http {

/// Loaded at start, then read-only: thread-safe for reading.
class StaticFiles {
 public:
  /// Theme assets are stylesheets, scripts, icons and fonts; anything larger belongs in media uploads.
  static constexpr std::uintmax_t kMaxAssetBytes = 4 * 1024 * 1024;
  /// Hex digits of the content hash in a fingerprinted name: enough to make a stale cache hit unlikely.
  static constexpr std::size_t kFingerprintDigits = 10;

  /// Loads every file under each root (later roots override earlier ones with the same relative path,
  /// so a site's theme overrides the default). Hidden files (".name") are skipped; a missing root is
  /// skipped too (a site need not override anything). Files over kMaxAssetBytes, and files or symlinks
  /// resolving outside their root, are refused (kInvalid, naming the file).
  static Result<StaticFiles> Load(const std::vector<std::filesystem::path>& roots,
                                  std::string url_prefix = "/assets/");

  /// The public URL of an asset by its relative path ("css/site.css"); empty optional when unknown.
  std::optional<std::string> UrlFor(std::string_view relative_path) const;
  /// The answer for a fingerprinted URL path; empty optional when unknown (the caller answers 404).
  std::optional<Response> Serve(std::string_view url_path) const;

 private:
  struct Asset {
    std::string url;
    std::string content_type;
    std::shared_ptr<const std::string> body;  ///< shared with every answer: serving copies nothing
    std::string etag;
  };
  std::map<std::string, Asset, std::less<>> by_relative_path_;
  std::map<std::string, std::string, std::less<>>
      by_url_;  ///< url -> relative path (copy-safe, unlike pointers)
};

}  // namespace gazette::http
