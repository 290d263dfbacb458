#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "gazette/config/config.hpp"

namespace gazette::config {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Config CustomConfig() {
  Config config;
  config.dir = "site";
  config.site.name = "Nowości \"Łódź\" \\ News";
  config.site.tagline = "Since 2001 # not a comment";
  config.site.base_url = "https://news.example.org/portal";
  config.site.timezone = "Europe/Warsaw";
  config.site.language = "pl";
  config.site.date_format = "EEEE, d MMMM yyyy 'r.'";
  config.site.page_size = 15;
  config.site.lead_articles = 2;
  config.server.host = "::1";
  config.server.port = 9443;
  config.server.threads = 8;
  config.server.trusted_proxies = {"10.0.0.0/8", "2001:db8::/32"};
  config.server.access_log = false;
  config.server.max_upload_bytes = 64 * 1024 * 1024;
  config.cache.enabled = false;
  config.cache.max_bytes = 256 * 1024 * 1024;
  return config;
}

TEST(RenderConfigFile, RoundTripsThroughParseConfig) {
  const Config config = CustomConfig();
  const std::string text = RenderConfigFile(config);
  auto parsed = ParseConfig(text, "site", {});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message << "\n" << text;
  EXPECT_EQ(*parsed, config);
}

TEST(RenderConfigFile, DefaultsRoundTrip) {
  Config config;
  config.dir = "site";
  auto parsed = ParseConfig(RenderConfigFile(config), "site", {});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, config);
}

TEST(RenderConfigFile, WritesIdentityKeysAndCommentsOtherDefaults) {
  const std::string text = RenderConfigFile(Config{});
  EXPECT_THAT(text, HasSubstr("\nname = \"Gazette\"\n"));
  EXPECT_THAT(text, HasSubstr("\nbase_url = \"http://127.0.0.1:8080\"\n"));
  EXPECT_THAT(text, HasSubstr("\ntimezone = \"UTC\"\n"));
  EXPECT_THAT(text, HasSubstr("\n# page_size = 10\n"));
  EXPECT_THAT(text, HasSubstr("\n# listen = \"127.0.0.1:8080\"\n"));
  EXPECT_THAT(text, HasSubstr("\n# trusted_proxies = []\n"));
  EXPECT_THAT(text, HasSubstr("\n# access_log = true\n"));
  EXPECT_THAT(text, Not(HasSubstr("\npage_size =")));
}

TEST(RenderConfigFile, ChangedValuesAreActiveWithTheirDefaultShown) {
  Config config;
  config.site.page_size = 20;
  const std::string text = RenderConfigFile(config);
  EXPECT_THAT(text, HasSubstr("# Default: 10\npage_size = 20\n"));
}

TEST(RenderConfigFile, DocumentsEveryKeyAndItsLimit) {
  const std::string text = RenderConfigFile(Config{});
  for (const char* key :
       {"name", "tagline", "base_url", "timezone", "language", "date_format", "page_size", "lead_articles",
        "listen", "threads", "trusted_proxies", "access_log", "max_upload_bytes", "enabled", "max_bytes"}) {
    EXPECT_THAT(text, ::testing::ContainsRegex(std::string("\n(# )?") + key + " = ")) << key;
  }
  EXPECT_THAT(text, HasSubstr("1..100"));
  EXPECT_THAT(text, HasSubstr("GAZETTE_<SECTION>_<KEY>"));
}

TEST(RenderConfigFile, KeepsCommentLinesShort) {
  std::istringstream lines(RenderConfigFile(CustomConfig()));
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("#")) {
      EXPECT_LE(line.size(), 100u) << line;
    }
  }
}

// gazette.example.toml is what RenderConfigFile writes for the defaults: the two cannot drift apart.
TEST(ExampleConfigFile, IsTheRenderedDefaultConfigAndParses) {
  const char* source_dir = GAZETTE_SOURCE_DIR;  // compile definition of the test support library
  std::ifstream in(std::filesystem::path(source_dir) / "gazette.example.toml", std::ios::binary);
  ASSERT_TRUE(in) << "gazette.example.toml missing from " << source_dir;
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_EQ(text, RenderConfigFile(Config{}))
      << "regenerate gazette.example.toml from RenderConfigFile(Config{})";
  auto parsed = ParseConfig(text, "example", {});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->site, SiteConfig{});
  EXPECT_EQ(parsed->server, ServerConfig{});
  EXPECT_EQ(parsed->stats, StatsConfig{});
  EXPECT_EQ(parsed->comments, CommentsConfig{});
  EXPECT_EQ(parsed->cache, CacheConfig{});
}

}  // namespace
}  // namespace gazette::config
