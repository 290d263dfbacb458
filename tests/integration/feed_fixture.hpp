#pragma once
/// FeedFixture: one demo site shared by a suite, and what reads its feeds, sitemaps and JSON-LD the way
/// real clients do: Debian's feedparser (tests/integration/feed_check.py), xmllint, Python's json.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "gazette/domain/article.hpp"
#include "integration/html_scan.hpp"
#include "integration/running_site.hpp"
#include "support/temp_dir.hpp"

namespace gazette::testing {

/// Debian's Python, where python3-feedparser is installed (a python3 earlier on PATH may be another one).
inline const std::string kPython = "/usr/bin/python3";

/// The output and exit status of a shell command (only our own file paths go into it).
inline std::pair<int, std::string> RunTool(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return {-1, ""};
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  const int status = ::pclose(pipe);
  return {status, output};
}

/// A suite deriving from it shares one site (started before its first test, stopped after its last), so
/// its tests must not depend on one another's changes.
class FeedFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { site_ = new RunningSite(); }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }
  static RunningSite& site() { return *site_; }

  std::string Write(const std::string& name, const std::string& content) {
    const auto path = dir_.path() / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  static std::string Script() { return std::string(GAZETTE_SOURCE_DIR) + "/tests/integration/feed_check.py"; }

  /// The feed at target as feedparser reads it.
  boost::json::object ParsedFeed(const std::string& target) {
    const auto response = site().Get(target);
    EXPECT_EQ(response.status, 200u) << target;
    const auto [status, out] =
        RunTool(kPython + " " + Script() + " feed " + Write("feed.xml", response.body));
    EXPECT_EQ(status, 0) << out;
    return boost::json::parse(out).as_object();
  }

  /// The JSON-LD block of a page, parsed by Python's json.
  boost::json::object JsonLdOf(const std::string& html) {
    const std::string block = FirstValueAfter(html, R"(<script type="application/ld+json">)", '<');
    EXPECT_FALSE(block.empty());
    const auto [status, out] = RunTool(kPython + " " + Script() + " json " + Write("ld.json", block));
    EXPECT_EQ(status, 0) << out;
    return boost::json::parse(out).as_object();
  }

  /// xmllint's verdict on a sitemap: well-formed and valid against tests/integration/sitemap.xsd.
  void ExpectValidSitemap(const std::string& xml) {
    const auto [status, out] = RunTool("xmllint --noout --nonet --schema " + std::string(GAZETTE_SOURCE_DIR) +
                                       "/tests/integration/sitemap.xsd " + Write("sitemap.xml", xml));
    EXPECT_EQ(status, 0) << out;
  }

  static std::string BaseUrl() {
    const std::string canonical = FirstValueAfter(site().Get("/").body, R"(<link rel="canonical" href=")");
    return canonical.substr(0, canonical.size() - 1);  // "http://host:port/" without the last "/"
  }

  /// The visible articles matching filter, newest first, as the store has them.
  static std::vector<domain::ArticleSummary> Latest(const storage::ArticleFilter& filter,
                                                    std::int64_t limit) {
    auto rows = site().storage().articles().ListVisible(filter, site().clock().Now(), 0, limit);
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : std::vector<domain::ArticleSummary>{};
  }

  /// The path of the newest article's page, as the site feed links it.
  std::string NewestPath() {
    const auto feed = ParsedFeed("/feed/rss");
    const std::string link(feed.at("entries").as_array().at(0).at("link").as_string());
    return link.substr(BaseUrl().size());
  }

  /// Checks a parsed feed against the store's list: count, order, titles, links, ids.
  static void ExpectEntriesMatch(const boost::json::object& feed,
                                 const std::vector<domain::ArticleSummary>& rows) {
    EXPECT_EQ(feed.at("bozo").as_int64(), 0) << feed.at("bozo_exception").as_string();
    const auto& entries = feed.at("entries").as_array();
    ASSERT_EQ(entries.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& entry = entries[i].as_object();
      EXPECT_EQ(entry.at("title").as_string(), domain::LabelledTitle(rows[i].country, rows[i].title));
      const std::string link(entry.at("link").as_string());
      EXPECT_TRUE(link.starts_with("http://") || link.starts_with("https://")) << link;
      EXPECT_TRUE(link.ends_with("/" + rows[i].slug)) << link;
      EXPECT_TRUE(
          std::string(entry.at("id").as_string()).ends_with(":article/" + std::to_string(rows[i].id)));
      EXPECT_EQ(entry.at("published_unix").as_int64(), ToUnix(rows[i].publish_at));
      EXPECT_TRUE(entry.at("has_content").as_bool());
    }
  }

  TempDir dir_;
  inline static RunningSite* site_ = nullptr;
};

}  // namespace gazette::testing
