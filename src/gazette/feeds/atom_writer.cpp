#include "gazette/feeds/atom_writer.hpp"

#include "gazette/feeds/feed_dates.hpp"
#include "gazette/feeds/xml_writer.hpp"

namespace gazette::feeds {

std::string WriteAtom(const Feed& feed) {
  std::string out;
  out.reserve(4096 + feed.items.size() * 4096);
  XmlWriter xml(out);
  xml.Declaration();
  if (feed.language.empty()) {
    xml.Open("feed", {{"xmlns", "http://www.w3.org/2005/Atom"}});
  } else {
    xml.Open("feed", {{"xmlns", "http://www.w3.org/2005/Atom"}, {"xml:lang", feed.language}});
  }
  xml.Element("id", feed.id);
  xml.Element("title", feed.title);
  if (!feed.description.empty()) xml.Element("subtitle", feed.description);
  xml.Element("updated", FormatRfc3339(feed.updated));
  xml.Empty("link", {{"rel", "alternate"}, {"type", "text/html"}, {"href", feed.page_link}});
  xml.Empty("link", {{"rel", "self"}, {"type", "application/atom+xml"}, {"href", feed.self_link}});
  for (const FeedItem& item : feed.items) {
    xml.Open("entry");
    xml.Element("id", item.id);
    xml.Element("title", item.title);
    xml.Empty("link", {{"rel", "alternate"}, {"type", "text/html"}, {"href", item.link}});
    xml.Element("published", FormatRfc3339(item.published));
    xml.Element("updated", FormatRfc3339(item.updated));
    // RFC 4287 section 4.1.1: an entry needs an author when the feed has none.
    xml.Open("author");
    xml.Element("name", item.author_name.empty() ? feed.title : item.author_name);
    xml.Close("author");
    for (const auto& category : item.categories) xml.Empty("category", {{"term", category}});
    xml.Element("summary", item.summary_html, {{"type", "html"}});
    if (!item.content_html.empty()) xml.Element("content", item.content_html, {{"type", "html"}});
    xml.Close("entry");
  }
  xml.Close("feed");
  return out;
}

}  // namespace gazette::feeds
