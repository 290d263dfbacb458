#include "gazette/feeds/rss_writer.hpp"

#include "gazette/feeds/feed_dates.hpp"
#include "gazette/feeds/xml_writer.hpp"

namespace gazette::feeds {

std::string WriteRss(const Feed& feed) {
  std::string out;
  out.reserve(4096 + feed.items.size() * 4096);
  XmlWriter xml(out);
  xml.Declaration();
  xml.Open("rss", {{"version", "2.0"},
                   {"xmlns:atom", "http://www.w3.org/2005/Atom"},
                   {"xmlns:content", "http://purl.org/rss/1.0/modules/content/"},
                   {"xmlns:dc", "http://purl.org/dc/elements/1.1/"}});
  xml.Open("channel");
  xml.Element("title", feed.title);
  xml.Element("link", feed.page_link);
  xml.Element("description", feed.description.empty() ? feed.title : feed.description);
  if (!feed.language.empty()) xml.Element("language", feed.language);
  xml.Element("lastBuildDate", FormatRfc822(feed.updated));
  xml.Empty("atom:link", {{"href", feed.self_link}, {"rel", "self"}, {"type", "application/rss+xml"}});
  for (const FeedItem& item : feed.items) {
    xml.Open("item");
    xml.Element("title", item.title);
    xml.Element("link", item.link);
    xml.Element("guid", item.id, {{"isPermaLink", "false"}});
    xml.Element("pubDate", FormatRfc822(item.published));
    // RSS's <author> must be an e-mail address; Dublin Core's creator takes a name.
    if (!item.author_name.empty()) xml.Element("dc:creator", item.author_name);
    for (const auto& category : item.categories) xml.Element("category", category);
    xml.Element("description", item.summary_html);
    if (!item.content_html.empty()) xml.CdataElement("content:encoded", item.content_html);
    xml.Close("item");
  }
  xml.Close("channel");
  xml.Close("rss");
  return out;
}

}  // namespace gazette::feeds
