#include "gazette/site/structured_data.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace gazette::site {
namespace {

TEST(ScriptSafeJson, EscapesWhatCouldCloseTheScriptOrOpenAComment) {
  EXPECT_EQ(ScriptSafeJson(R"({"t":"</script><!-- & -->"})"),
            R"({"t":"\u003c/script\u003e\u003c!-- \u0026 --\u003e"})");
  EXPECT_EQ(ScriptSafeJson("\"a\xE2\x80\xA8" "b\xE2\x80\xA9\""), R"("a\u2028b\u2029")");
  EXPECT_EQ(ScriptSafeJson(R"({"t":"Łódź — ok"})"), R"({"t":"Łódź — ok"})");
}

TEST(ScriptSafeJson, EscapesAtTheEdgesAndLeavesOtherE2SequencesAlone) {
  EXPECT_EQ(ScriptSafeJson("<"), R"(\u003c)");
  EXPECT_EQ(ScriptSafeJson("<>&"), R"(\u003c\u003e\u0026)");
  EXPECT_EQ(ScriptSafeJson("\xE2\x80\xA8"), R"(\u2028)");
  EXPECT_EQ(ScriptSafeJson("a\xE2\x80"), "a\xE2\x80");                 // cut short: copied as it is
  EXPECT_EQ(ScriptSafeJson("\xE2\x80\x94<"), "\xE2\x80\x94\\u003c");  // an em dash stays
  EXPECT_EQ(ScriptSafeJson(""), "");
}

TEST(ScriptSafeJson, KeepsTheSameValueForAJsonParser) {
  const std::string safe = ScriptSafeJson(boost::json::serialize(boost::json::object{{"t", "</script> & <!--"}}));
  EXPECT_EQ(safe.find('<'), std::string::npos);
  EXPECT_EQ(boost::json::parse(safe).at("t").as_string(), "</script> & <!--");
}

TEST(ArticleJsonLd, DescribesTheArticleItsAuthorPublisherAndBreadcrumbs) {
  ArticleData data;
  data.headline = "GB: Rates </script> rise";
  data.description = "Intro";
  data.url = "https://a.example/2026/01/rates";
  data.published = TimestampFromUnix(1767225600);
  data.modified = TimestampFromUnix(1767229200);
  data.author_name = "Ann";
  data.author_url = "https://a.example/author/ann";
  data.breadcrumbs = {{"Site", "https://a.example/"}, {"Economy", "https://a.example/category/economy"},
                      {"GB: Rates </script> rise", data.url}};
  const std::string text = ArticleJsonLd(data, "Site", "https://a.example/");
  EXPECT_EQ(text.find("</script>"), std::string::npos);
  const auto doc = boost::json::parse(text);
  const auto& graph = doc.at("@graph").as_array();
  ASSERT_EQ(graph.size(), 2u);
  const auto& news = graph[0].as_object();
  EXPECT_EQ(news.at("@type").as_string(), "NewsArticle");
  EXPECT_EQ(news.at("headline").as_string(), "GB: Rates </script> rise");
  EXPECT_EQ(news.at("datePublished").as_string(), "2026-01-01T00:00:00Z");
  EXPECT_EQ(news.at("dateModified").as_string(), "2026-01-01T01:00:00Z");
  EXPECT_EQ(news.at("author").at("@type").as_string(), "Person");
  EXPECT_EQ(news.at("publisher").at("name").as_string(), "Site");
  EXPECT_EQ(news.at("mainEntityOfPage").at("@id").as_string(), data.url);
  const auto& crumbs = graph[1].at("itemListElement").as_array();
  ASSERT_EQ(crumbs.size(), 3u);
  EXPECT_EQ(crumbs[1].at("name").as_string(), "Economy");
  EXPECT_EQ(crumbs[2].at("position").as_int64(), 3);
}

}  // namespace
}  // namespace gazette::site
