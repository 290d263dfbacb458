#include "gazette/http/static_files.hpp"

#include <cctype>
#include <fstream>
#include <sstream>
#include <system_error>

#include "gazette/http/content_hash.hpp"

namespace gazette::http {
namespace fs = std::filesystem;
namespace {

std::string ContentTypeFor(std::string_view extension) {
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".avif", "image/avif"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
  };
  std::string lower(extension);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto it = kTypes.find(lower);
  return it == kTypes.end() ? std::string("application/octet-stream") : it->second;
}

/// "css/site.css" + "3f2a9c01e4" -> "css/site.3f2a9c01e4.css" (after the extension-less name otherwise).
std::string Fingerprinted(const std::string& relative, const std::string& fingerprint) {
  const std::size_t slash = relative.rfind('/');
  const std::size_t dot = relative.rfind('.');
  const bool has_extension = dot != std::string::npos && (slash == std::string::npos || dot > slash + 1);
  if (!has_extension) return relative + "." + fingerprint;
  return relative.substr(0, dot) + "." + fingerprint + relative.substr(dot);
}

bool IsHidden(const fs::path& relative) {
  for (const auto& part : relative) {
    const std::string name = part.string();
    if (!name.empty() && name.front() == '.') return true;
  }
  return false;
}

bool IsWithin(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalid, std::move(message));
}

}  // namespace

Result<StaticFiles> StaticFiles::Load(const std::vector<fs::path>& roots, std::string url_prefix) {
  if (url_prefix.empty() || url_prefix.front() != '/') url_prefix.insert(url_prefix.begin(), '/');
  if (url_prefix.back() != '/') url_prefix.push_back('/');
  StaticFiles files;
  for (const fs::path& root : roots) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) continue;
    const fs::path canonical_root = fs::canonical(root, ec);
    if (ec) return Invalid("cannot read asset directory " + root.string() + ": " + ec.message());
    for (auto it = fs::recursive_directory_iterator(canonical_root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path relative = it->path().lexically_relative(canonical_root);
      if (IsHidden(relative)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      const fs::path resolved = fs::canonical(it->path(), ec);
      if (ec) return Invalid("cannot read asset " + it->path().string() + ": " + ec.message());
      if (!IsWithin(resolved, canonical_root)) {
        return Invalid("asset " + it->path().string() + " resolves outside its directory " + root.string());
      }
      if (!fs::is_regular_file(resolved, ec)) continue;
      const auto size = fs::file_size(resolved, ec);
      if (ec) return Invalid("cannot read asset " + it->path().string() + ": " + ec.message());
      if (size > kMaxAssetBytes) {
        return Invalid("asset " + it->path().string() + " is larger than " +
                       std::to_string(kMaxAssetBytes >> 20) + " MiB");
      }
      std::ifstream in(resolved, std::ios::binary);
      std::ostringstream content;
      content << in.rdbuf();
      if (!in && !in.eof()) return Invalid("cannot read asset " + it->path().string());

      const std::string relative_text = relative.generic_string();
      auto body = std::make_shared<const std::string>(std::move(content).str());
      const std::uint64_t hash = ContentHash(*body);
      Asset asset;
      asset.url = url_prefix + Fingerprinted(relative_text, HashHex(hash).substr(0, kFingerprintDigits));
      asset.content_type = ContentTypeFor(relative.extension().string());
      asset.etag.append(1, '"').append(HashHex(hash)).append(1, '"');
      asset.body = std::move(body);
      files.by_relative_path_.insert_or_assign(relative_text, std::move(asset));
    }
    if (ec) return Invalid("cannot list asset directory " + root.string() + ": " + ec.message());
  }
  for (const auto& [relative, asset] : files.by_relative_path_) files.by_url_.emplace(asset.url, relative);
  return files;
}

std::optional<std::string> StaticFiles::UrlFor(std::string_view relative_path) const {
  const auto it = by_relative_path_.find(relative_path);
  if (it == by_relative_path_.end()) return std::nullopt;
  return it->second.url;
}

std::optional<Response> StaticFiles::Serve(std::string_view url_path) const {
  const auto url = by_url_.find(url_path);
  if (url == by_url_.end()) return std::nullopt;
  const Asset& asset = by_relative_path_.find(url->second)->second;
  Response response;
  response.content_type = asset.content_type;
  response.shared_body = asset.body;
  response.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
  response.SetHeader("ETag", asset.etag);
  return response;
}

}  // namespace gazette::http
