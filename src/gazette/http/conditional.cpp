#include "gazette/http/conditional.hpp"

#include "gazette/http/http_date.hpp"

namespace gazette::http {
namespace {

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

/// The quoted opaque-tag without a W/ prefix; empty when tag is not an entity-tag.
std::string_view OpaqueTag(std::string_view tag) {
  if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
  if (tag.size() < 2 || tag.front() != '"' || tag.back() != '"') return {};
  return tag;
}

}  // namespace

bool IfNoneMatchMatches(std::string_view if_none_match, std::string_view etag) {
  const std::string_view wanted = OpaqueTag(etag);
  if (TrimSpace(if_none_match) == "*") return true;
  if (wanted.empty()) return false;
  // Entity-tags cannot hold commas inside their quotes in practice (etagc excludes only DQUOTE, but our own
  // tags are hex), so splitting on commas is exact for every tag this server issues.
  while (!if_none_match.empty()) {
    const std::size_t comma = if_none_match.find(',');
    const std::string_view item = TrimSpace(if_none_match.substr(0, comma));
    if_none_match = comma == std::string_view::npos ? std::string_view{} : if_none_match.substr(comma + 1);
    if (!item.empty() && OpaqueTag(item) == wanted) return true;
  }
  return false;
}

bool IsNotModified(std::string_view if_none_match, std::string_view if_modified_since, std::string_view etag,
                   std::string_view last_modified) {
  if (!TrimSpace(if_none_match).empty()) return IfNoneMatchMatches(if_none_match, etag);
  if (if_modified_since.empty() || last_modified.empty()) return false;
  const auto since = ParseHttpDate(TrimSpace(if_modified_since));
  const auto modified = ParseHttpDate(TrimSpace(last_modified));
  return since && modified && *modified <= *since;
}

}  // namespace gazette::http
