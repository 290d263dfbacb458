#include <gtest/gtest.h>

#include "gazette/feeds/atom_writer.hpp"
#include "gazette/feeds/feed.hpp"
#include "gazette/feeds/rss_writer.hpp"
#include "gazette/feeds/sitemap_writer.hpp"

namespace gazette::feeds {
namespace {

Feed SampleFeed() {
  Feed feed;
  feed.title = "Gazette & Co";
  feed.page_link = "https://news.example.com/";
  feed.self_link = "https://news.example.com/feed/rss";
  feed.id = "tag:news.example.com,2026-01-01:feed";
  feed.language = "en";
  feed.updated = TimestampFromUnix(1767225600);
  FeedItem item;
  item.id = "tag:news.example.com,2026-01-01:article/7";
  item.title = "Rates <rise> & fall";
  item.link = "https://news.example.com/2026/01/rates";
  item.published = TimestampFromUnix(1767225600);
  item.updated = TimestampFromUnix(1767229200);
  item.author_name = "Ann";
  item.summary_html = "<p>Intro &amp; more</p>";
  item.content_html = "<p>Body with ]]> inside</p>";
  feed.items.push_back(item);
  return feed;
}

TEST(TagUri, UsesTheHostAndCreationDayOnly) {
  const Timestamp created = TimestampFromUnix(1767225600 + 3600);  // 2026-01-01 01:00 UTC
  EXPECT_EQ(TagUri("https://news.example.com", created, "article/42"), "tag:news.example.com,2026-01-01:article/42");
  EXPECT_EQ(TagUri("http://news.example.com:8080/sub", created, "article/42"),
            "tag:news.example.com,2026-01-01:article/42");
}

TEST(TagUri, StaysTheSameAcrossSchemeChangesAndLaterTimesOfTheDay) {
  const Timestamp morning = TimestampFromUnix(1767225600);
  const Timestamp evening = TimestampFromUnix(1767225600 + 23 * 3600);
  EXPECT_EQ(TagUri("http://a.example", morning, "article/1"), TagUri("https://a.example", evening, "article/1"));
  EXPECT_NE(TagUri("https://a.example", morning, "article/1"), TagUri("https://a.example", morning, "article/2"));
}

TEST(RssWriter, EscapesTitlesAndHtmlAndKeepsTheGuidNotAPermalink) {
  const std::string rss = WriteRss(SampleFeed());
  EXPECT_NE(rss.find("<title>Rates &lt;rise&gt; &amp; fall</title>"), std::string::npos) << rss;
  EXPECT_NE(rss.find("<guid isPermaLink=\"false\">tag:news.example.com,2026-01-01:article/7</guid>"),
            std::string::npos);
  EXPECT_NE(rss.find("<description>&lt;p&gt;Intro &amp;amp; more&lt;/p&gt;</description>"), std::string::npos);
  EXPECT_NE(rss.find("<pubDate>Thu, 01 Jan 2026 00:00:00 +0000</pubDate>"), std::string::npos);
  EXPECT_NE(rss.find("<![CDATA[<p>Body with ]]]]><![CDATA[> inside</p>]]>"), std::string::npos);
  EXPECT_NE(rss.find("<atom:link href=\"https://news.example.com/feed/rss\" rel=\"self\""), std::string::npos);
}

TEST(AtomWriter, WritesIdsDatesAndEscapedHtml) {
  const std::string atom = WriteAtom(SampleFeed());
  EXPECT_NE(atom.find("<id>tag:news.example.com,2026-01-01:article/7</id>"), std::string::npos) << atom;
  EXPECT_NE(atom.find("<updated>2026-01-01T01:00:00Z</updated>"), std::string::npos);
  EXPECT_NE(atom.find("<published>2026-01-01T00:00:00Z</published>"), std::string::npos);
  EXPECT_NE(atom.find("<summary type=\"html\">&lt;p&gt;Intro &amp;amp; more&lt;/p&gt;</summary>"),
            std::string::npos);
  EXPECT_NE(atom.find("<content type=\"html\">&lt;p&gt;Body with ]]&gt; inside&lt;/p&gt;</content>"),
            std::string::npos);
}

TEST(AtomWriter, GivesEveryEntryAnAuthor) {
  Feed feed = SampleFeed();
  feed.items[0].author_name.clear();
  const std::string atom = WriteAtom(feed);
  EXPECT_NE(atom.find("<author>\n<name>Gazette &amp; Co</name>"), std::string::npos) << atom;
}

TEST(SitemapWriter, WritesLocAndLastmod) {
  std::string out;
  SitemapWriter sitemap(out);
  sitemap.Add("https://a.example/x?page=2&y=1", TimestampFromUnix(0));
  sitemap.Add("https://a.example/y", std::nullopt);
  sitemap.Finish();
  EXPECT_NE(out.find("<loc>https://a.example/x?page=2&amp;y=1</loc>\n<lastmod>1970-01-01T00:00:00Z</lastmod>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<url>\n<loc>https://a.example/y</loc>\n</url>"), std::string::npos);
  EXPECT_TRUE(out.ends_with("</urlset>\n"));
}

TEST(NewsSitemapWriter, NamesThePublicationAndEscapesTitles) {
  std::string out;
  NewsSitemapWriter news(out, "Gazette", "en");
  news.Add("https://a.example/2026/01/x", TimestampFromUnix(1767225600), "A & B");
  news.Finish();
  EXPECT_NE(out.find("<news:name>Gazette</news:name>\n<news:language>en</news:language>"), std::string::npos);
  EXPECT_NE(out.find("<news:publication_date>2026-01-01T00:00:00Z</news:publication_date>"), std::string::npos);
  EXPECT_NE(out.find("<news:title>A &amp; B</news:title>"), std::string::npos);
}

}  // namespace
}  // namespace gazette::feeds
