#pragma once
/// Feed: what an RSS or Atom document says, independent of the format. Items are any dated entries with a
/// title and a link (articles today, a panel's comments later), so the writers know nothing of articles.

#include <string>
#include <vector>

#include "gazette/base/clock.hpp"

namespace gazette::feeds {

struct FeedItem {
  /// A permanent id that never changes when the entry is edited (see TagUri); not a URL.
  std::string id;
  std::string title;
  std::string link;  ///< absolute URL of the entry's page
  Timestamp published{};
  Timestamp updated{};
  std::string author_name;
  std::vector<std::string> categories;
  std::string summary_html;  ///< HTML we rendered (the intro); written escaped, never raw
  std::string content_html;  ///< the whole entry as HTML; empty to send the summary alone
};

struct Feed {
  std::string title;
  std::string description;  ///< RSS description, Atom subtitle
  std::string page_link;    ///< absolute URL of the HTML page the feed follows
  std::string self_link;    ///< absolute URL of the feed itself
  std::string id;           ///< Atom feed id: a permanent URI (see TagUri)
  std::string language;     ///< "en"
  Timestamp updated{};      ///< the newest change among the items (or the feed's creation when empty)
  std::vector<FeedItem> items;  ///< newest first
};

/// The absolute URL of a page of this site: base_url (no trailing slash) + path.
std::string AbsoluteUrl(std::string_view base_url, std::string_view path);

/// A tag: URI (RFC 4151): "tag:news.example.com,2026-01-02:article/42". The authority is base_url's
/// host (no scheme, port or path) and the date a day of the entity's creation in UTC, so the id outlives
/// edits, retitling, rescheduling and a move of the site to https; specific should be like "article/42".
std::string TagUri(std::string_view base_url, Timestamp created, std::string_view specific);

}  // namespace gazette::feeds
