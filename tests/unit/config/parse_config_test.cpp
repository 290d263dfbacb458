#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "gazette/config/config.hpp"

namespace gazette::config {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kDir = "site";

Result<Config> Parse(std::string_view text, const Environment& env = {}) {
  return ParseConfig(text, kDir, env);
}

std::string ErrorOf(std::string_view text) {
  auto config = Parse(text);
  EXPECT_FALSE(config.ok()) << "expected an error for:\n" << text;
  return config.ok() ? std::string() : config.error().message;
}

TEST(ParseConfig, EmptyFileGivesEveryDefault) {
  auto config = Parse("");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->dir, kDir);
  EXPECT_EQ(config->site.name, "Gazette");
  EXPECT_EQ(config->site.tagline, "");
  EXPECT_EQ(config->site.base_url, "http://127.0.0.1:8080");
  EXPECT_EQ(config->site.timezone, "UTC");
  EXPECT_EQ(config->site.language, "en");
  EXPECT_EQ(config->site.date_format, "EEEE, d.MM.yyyy");
  EXPECT_EQ(config->site.page_size, 10);
  EXPECT_EQ(config->site.lead_articles, 1);
  EXPECT_EQ(config->server.host, "127.0.0.1");
  EXPECT_EQ(config->server.port, 8080);
  EXPECT_EQ(config->server.threads, 0);
  EXPECT_TRUE(config->server.trusted_proxies.empty());
  EXPECT_TRUE(config->server.access_log);
  EXPECT_EQ(config->server.max_upload_bytes, 10 * 1024 * 1024);
  EXPECT_EQ(config->config_path(), kDir / "gazette.toml");
  EXPECT_EQ(config->database_path(), kDir / "gazette.db");
}

TEST(ParseConfig, ReadsEveryKey) {
  auto config = Parse(R"(
[site]
name = "Public Sector News"
tagline = "Transforming government since 2001"
base_url = "https://news.example.org/portal"
timezone = "Europe/London"
language = "pt-BR"
date_format = "d MMMM yyyy"
page_size = 25
lead_articles = 3

[server]
listen = "[::1]:9090"
threads = 4
slow_request_threads = 3
trusted_proxies = ["10.0.0.0/8", "2001:db8::/32", "192.0.2.7"]
access_log = false
max_upload_bytes = 52428800
)");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->site.name, "Public Sector News");
  EXPECT_EQ(config->site.tagline, "Transforming government since 2001");
  EXPECT_EQ(config->site.base_url, "https://news.example.org/portal");
  EXPECT_EQ(config->site.timezone, "Europe/London");
  EXPECT_EQ(config->site.language, "pt-BR");
  EXPECT_EQ(config->site.date_format, "d MMMM yyyy");
  EXPECT_EQ(config->site.page_size, 25);
  EXPECT_EQ(config->site.lead_articles, 3);
  EXPECT_EQ(config->server.host, "::1");
  EXPECT_EQ(config->server.port, 9090);
  EXPECT_EQ(config->server.threads, 4);
  EXPECT_EQ(config->server.slow_request_threads, 3);
  EXPECT_EQ(config->server.trusted_proxies,
            (std::vector<std::string>{"10.0.0.0/8", "2001:db8::/32", "192.0.2.7/32"}));
  EXPECT_FALSE(config->server.access_log);
  EXPECT_EQ(config->server.max_upload_bytes, 50 * 1024 * 1024);
}

TEST(ParseConfig, AcceptsDottedKeysAndInlineTables) {
  auto config = Parse("site.name = \"Dotted\"\nserver = { threads = 2 }\n");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->site.name, "Dotted");
  EXPECT_EQ(config->server.threads, 2);
}

TEST(ParseConfig, StripsOneTrailingSlashFromBaseUrl) {
  auto config = Parse("[site]\nbase_url = \"https://example.org/\"\n");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->site.base_url, "https://example.org");
}

TEST(ParseConfig, OutOfRangeValueNamesFileLineKeyAndValue) {
  EXPECT_EQ(ErrorOf("[site]\nname = \"x\"\n\n\n\n\npage_size = 0\n"),
            "site/gazette.toml:7: [site] page_size must be between 1 and 100 (got 0)");
}

TEST(ParseConfig, ErrorsAreInvalid) {
  auto config = Parse("[site]\npage_size = 101\n");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, ErrorCode::kInvalid);
}

TEST(ParseConfig, RefusesIntegerRangesAtBothEnds) {
  EXPECT_THAT(ErrorOf("[site]\npage_size = 101\n"),
              HasSubstr(":2: [site] page_size must be between 1 and 100 (got 101)"));
  EXPECT_THAT(ErrorOf("[site]\nlead_articles = -1\n"),
              HasSubstr(":2: [site] lead_articles must be between 0 and 10 (got -1)"));
  EXPECT_THAT(ErrorOf("[site]\nlead_articles = 11\n"), HasSubstr("between 0 and 10 (got 11)"));
  EXPECT_THAT(ErrorOf("[server]\nthreads = 257\n"),
              HasSubstr(":2: [server] threads must be between 0 and 256 (got 257)"));
  EXPECT_THAT(ErrorOf("[server]\nthreads = -1\n"), HasSubstr("(got -1)"));
  EXPECT_THAT(ErrorOf("[server]\nslow_request_threads = 257\n"),
              HasSubstr(":2: [server] slow_request_threads must be between 0 and 256 (got 257)"));
  EXPECT_THAT(ErrorOf("[server]\nslow_request_threads = -1\n"), HasSubstr("(got -1)"));
  EXPECT_THAT(ErrorOf("[site]\npage_size = 9223372036854775807\n"), HasSubstr("(got 9223372036854775807)"));
  EXPECT_THAT(ErrorOf("[server]\nmax_upload_bytes = 1023\n"),
              HasSubstr(":2: [server] max_upload_bytes must be between 1024 and 1073741824 (got 1023)"));
  EXPECT_THAT(ErrorOf("[server]\nmax_upload_bytes = 1073741825\n"), HasSubstr("(got 1073741825)"));
  EXPECT_THAT(ErrorOf("[server]\nmax_upload_bytes = -1\n"), HasSubstr("(got -1)"));
}

TEST(ParseConfig, UnknownKeyNamesLineAndKnownKeys) {
  const std::string message = ErrorOf("[site]\nname = \"x\"\nnmae = \"y\"\n");
  EXPECT_THAT(message, HasSubstr("site/gazette.toml:3: [site] has no key \"nmae\""));
  EXPECT_THAT(message, HasSubstr("name, tagline, base_url"));
}

TEST(ParseConfig, UnknownSectionNamesLine) {
  EXPECT_THAT(ErrorOf("[site]\nname = \"x\"\n[database]\npath = \"x\"\n"),
              HasSubstr("gazette.toml:3: unknown section [database] (known sections: [site], [server], [stats], [comments], [cache])"));
}

TEST(ParseConfig, KeyOutsideSectionIsRefused) {
  EXPECT_THAT(ErrorOf("name = \"x\"\n"), HasSubstr("gazette.toml:1: key \"name\" must be inside a section"));
}

TEST(ParseConfig, SectionGivenAsValueIsRefused) {
  EXPECT_THAT(ErrorOf("site = 3\n"), HasSubstr("gazette.toml:1: \"site\" must be a section [site]"));
}

TEST(ParseConfig, NestedTableInSectionIsAnUnknownKey) {
  EXPECT_THAT(ErrorOf("[site]\n[site.extra]\nx = 1\n"), HasSubstr("[site] has no key \"extra\""));
}

TEST(ParseConfig, WrongTypesNameExpectedAndFoundTypes) {
  EXPECT_THAT(ErrorOf("[site]\npage_size = \"10\"\n"),
              HasSubstr("gazette.toml:2: [site] page_size must be an integer (got a string)"));
  EXPECT_THAT(ErrorOf("[site]\npage_size = 10.0\n"),
              HasSubstr("must be an integer (got a floating-point number)"));
  EXPECT_THAT(ErrorOf("[site]\nname = 5\n"), HasSubstr("[site] name must be a string (got an integer)"));
  EXPECT_THAT(ErrorOf("[server]\naccess_log = \"yes\"\n"),
              HasSubstr("[server] access_log must be true or false (got a string)"));
  EXPECT_THAT(ErrorOf("[server]\ntrusted_proxies = \"10.0.0.0/8\"\n"),
              HasSubstr("[server] trusted_proxies must be an array of strings (got a string)"));
  EXPECT_THAT(
      ErrorOf("[server]\ntrusted_proxies = [\n  \"10.0.0.0/8\",\n  7,\n]\n"),
      HasSubstr(
          "gazette.toml:4: [server] trusted_proxies must be an array of strings (item 2 is an integer)"));
  EXPECT_THAT(ErrorOf("[site]\ntimezone = 1979-05-27\n"), HasSubstr("must be a string (got a date or time)"));
}

TEST(ParseConfig, SyntaxErrorGivesLineColumnAndDescription) {
  const std::string message = ErrorOf("[site]\nname = \"x\"\npage_size = = 3\n");
  EXPECT_THAT(message, HasSubstr("site/gazette.toml:3:"));
  EXPECT_THAT(message, ::testing::MatchesRegex("site/gazette\\.toml:3:[0-9]+: .+"));
}

TEST(ParseConfig, DuplicateKeyIsASyntaxError) {
  EXPECT_THAT(ErrorOf("[site]\nname = \"a\"\nname = \"b\"\n"), HasSubstr("gazette.toml:3:"));
}

TEST(ParseConfig, RefusesBadNames) {
  EXPECT_THAT(ErrorOf("[site]\nname = \"\"\n"), HasSubstr("[site] name must not be empty"));
  EXPECT_THAT(ErrorOf("[site]\nname = \"a\\nb\"\n"),
              HasSubstr("[site] name must be one line without control characters"));
  EXPECT_THAT(ErrorOf("[site]\nname = \"" + std::string(201, 'x') + "\"\n"),
              HasSubstr("[site] name must be at most 200 characters long (got 201)"));
  EXPECT_THAT(ErrorOf("[site]\ntagline = \"" + std::string(201, 'x') + "\"\n"),
              HasSubstr("[site] tagline must be at most 200 characters long"));
}

TEST(ParseConfig, CountsCharactersNotBytes) {
  std::string name;
  for (int i = 0; i < 200; ++i) name += "\xC5\x81";  // Ł: 2 bytes, 1 character
  auto config = Parse("[site]\nname = \"" + name + "\"\n");
  EXPECT_TRUE(config.ok()) << config.error().message;
}

TEST(ParseConfig, EmptyTaglineIsAllowed) {
  EXPECT_TRUE(Parse("[site]\ntagline = \"\"\n").ok());
}

TEST(ParseConfig, RefusesBadBaseUrls) {
  for (const char* url : {"", "example.org", "ftp://example.org", "https://", "https://user:pw@example.org",
                          "https://example.org/?q=1", "https://example.org/#top", "https://exa mple.org",
                          "https://example.org//", "https://example.org:99999", "https://example.org/a b",
                          "HTTPS://example.org", "https://-bad-.org"}) {
    EXPECT_THAT(ErrorOf(std::string("[site]\nbase_url = \"") + url + "\"\n"),
                HasSubstr("gazette.toml:2: [site] base_url must be an absolute http:// or https:// URL"))
        << url;
  }
}

TEST(ParseConfig, AcceptsBaseUrlsWithPortPathAndIpHosts) {
  for (const char* url : {"http://localhost:8080", "https://news.example.org/portal/news", "http://192.0.2.1",
                          "http://[2001:db8::1]:8080", "https://example.org/caf%C3%A9"}) {
    auto config = Parse(std::string("[site]\nbase_url = \"") + url + "\"\n");
    ASSERT_TRUE(config.ok()) << url << ": " << config.error().message;
    EXPECT_EQ(config->site.base_url, url);
  }
}

TEST(ParseConfig, RefusesUnknownTimeZone) {
  EXPECT_EQ(ErrorOf("[site]\ntimezone = \"Mars/Olympus_Mons\"\n"),
            "site/gazette.toml:2: [site] timezone must be an IANA time zone such as Europe/London or UTC "
            "(got \"Mars/Olympus_Mons\")");
  EXPECT_THAT(ErrorOf("[site]\ntimezone = \"\"\n"), HasSubstr("[site] timezone must be an IANA time zone"));
}

TEST(ParseConfig, RefusesBadLanguageTags) {
  for (const char* tag : {"", "e", "english", "en_GB", "en-", "-en", "en-toolongsubtag", "e1"}) {
    EXPECT_THAT(ErrorOf(std::string("[site]\nlanguage = \"") + tag + "\"\n"),
                HasSubstr("[site] language must be a BCP 47 language tag"))
        << tag;
  }
}

TEST(ParseConfig, RefusesBadDateFormats) {
  EXPECT_THAT(ErrorOf("[site]\ndate_format = \"\"\n"), HasSubstr("[site] date_format must not be empty"));
  EXPECT_THAT(ErrorOf("[site]\ndate_format = \"" + std::string(65, 'y') + "\"\n"),
              HasSubstr("[site] date_format must be at most 64 characters long (got 65)"));
}

TEST(ParseConfig, RefusesBadListenAddress) {
  EXPECT_THAT(ErrorOf("[server]\nlisten = \"localhost\"\n"),
              HasSubstr("gazette.toml:2: [server] listen is not a valid address: \"localhost\" has no port"));
}

TEST(ParseConfig, RefusesBadTrustedProxies) {
  for (const char* range : {"10.0.0.0/33", "10.0.0.1/8", "10.0.0/8", "10.0.0.0/", "10.0.0.0/08", "::1/129",
                            "2001:db8::1/32", "fe80::1%eth0", "example.org", "", "010.0.0.0/8"}) {
    EXPECT_THAT(ErrorOf(std::string("[server]\ntrusted_proxies = [\"") + range + "\"]\n"),
                HasSubstr("gazette.toml:2: [server] trusted_proxies must hold CIDR ranges"))
        << range;
  }
}

TEST(ParseConfig, RefusesTooManyTrustedProxies) {
  std::string list;
  for (int i = 0; i < 65; ++i) list += (i ? ", " : "") + std::string("\"10.0.0.") + std::to_string(i) + "\"";
  EXPECT_THAT(ErrorOf("[server]\ntrusted_proxies = [" + list + "]\n"),
              HasSubstr("at most 64 ranges (got 65)"));
}

TEST(ParseConfig, RefusesAnOversizedFile) {
  const std::string text(1024 * 1024 + 1, '#');
  EXPECT_THAT(ErrorOf(text), HasSubstr("is larger than 1048576 bytes"));
}

TEST(LoadConfig, MissingDirectoryIsNotFoundAndSuggestsInit) {
  auto config = LoadConfig("/nonexistent/gazette-site", {});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(config.error().message, HasSubstr("/nonexistent/gazette-site does not exist"));
  EXPECT_THAT(config.error().message, HasSubstr("gazette init"));
}

}  // namespace
}  // namespace gazette::config
