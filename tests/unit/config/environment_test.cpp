#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "gazette/config/config.hpp"

namespace gazette::config {
namespace {

using ::testing::HasSubstr;

Result<Config> ParseWith(const Environment& env, std::string_view text = "") {
  return ParseConfig(text, "site", env);
}

TEST(EnvironmentOverrides, OverrideEveryKey) {
  auto config = ParseWith({
      {"GAZETTE_SITE_NAME", "From Env"},
      {"GAZETTE_SITE_TAGLINE", "Env tagline"},
      {"GAZETTE_SITE_BASE_URL", "https://env.example.org/"},
      {"GAZETTE_SITE_TIMEZONE", "Europe/Warsaw"},
      {"GAZETTE_SITE_LANGUAGE", "pl"},
      {"GAZETTE_SITE_DATE_FORMAT", "yyyy-MM-dd"},
      {"GAZETTE_SITE_PAGE_SIZE", "20"},
      {"GAZETTE_SITE_LEAD_ARTICLES", "0"},
      {"GAZETTE_SERVER_LISTEN", ":9000"},
      {"GAZETTE_SERVER_THREADS", "3"},
      {"GAZETTE_SERVER_TRUSTED_PROXIES", " 10.0.0.0/8 , ::1,, "},
      {"GAZETTE_SERVER_ACCESS_LOG", "off"},
      {"GAZETTE_SERVER_MAX_UPLOAD_BYTES", "2048"},
  });
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->site.name, "From Env");
  EXPECT_EQ(config->site.tagline, "Env tagline");
  EXPECT_EQ(config->site.base_url, "https://env.example.org");
  EXPECT_EQ(config->site.timezone, "Europe/Warsaw");
  EXPECT_EQ(config->site.language, "pl");
  EXPECT_EQ(config->site.date_format, "yyyy-MM-dd");
  EXPECT_EQ(config->site.page_size, 20);
  EXPECT_EQ(config->site.lead_articles, 0);
  EXPECT_EQ(config->server.host, "0.0.0.0");
  EXPECT_EQ(config->server.port, 9000);
  EXPECT_EQ(config->server.threads, 3);
  EXPECT_EQ(config->server.trusted_proxies, (std::vector<std::string>{"10.0.0.0/8", "::1/128"}));
  EXPECT_FALSE(config->server.access_log);
  EXPECT_EQ(config->server.max_upload_bytes, 2048);
}

TEST(EnvironmentOverrides, WinOverTheFile) {
  auto config = ParseWith({{"GAZETTE_SITE_PAGE_SIZE", "30"}}, "[site]\npage_size = 5\nname = \"File\"\n");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->site.page_size, 30);
  EXPECT_EQ(config->site.name, "File");
}

TEST(EnvironmentOverrides, EmptyListClearsTrustedProxies) {
  auto config =
      ParseWith({{"GAZETTE_SERVER_TRUSTED_PROXIES", ""}}, "[server]\ntrusted_proxies = [\"::1\"]\n");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(config->server.trusted_proxies.empty());
}

TEST(EnvironmentOverrides, BooleansAcceptCommonSpellings) {
  for (const char* yes : {"true", "TRUE", "1", "yes", "on"}) {
    auto config = ParseWith({{"GAZETTE_SERVER_ACCESS_LOG", yes}}, "[server]\naccess_log = false\n");
    ASSERT_TRUE(config.ok()) << yes;
    EXPECT_TRUE(config->server.access_log) << yes;
  }
  for (const char* no : {"false", "False", "0", "no", "off"}) {
    auto config = ParseWith({{"GAZETTE_SERVER_ACCESS_LOG", no}});
    ASSERT_TRUE(config.ok()) << no;
    EXPECT_FALSE(config->server.access_log) << no;
  }
}

TEST(EnvironmentOverrides, BadValueNamesTheVariable) {
  auto config = ParseWith({{"GAZETTE_SITE_PAGE_SIZE", "0"}});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(
      config.error().message,
      "environment variable GAZETTE_SITE_PAGE_SIZE: [site] page_size must be between 1 and 100 (got 0)");
}

TEST(EnvironmentOverrides, NonNumbersAreRefused) {
  for (const char* text : {"ten", "", "10x", "1.5", "0x10", "99999999999999999999"}) {
    auto config = ParseWith({{"GAZETTE_SERVER_THREADS", text}});
    ASSERT_FALSE(config.ok()) << text;
    EXPECT_THAT(config.error().message,
                HasSubstr("environment variable GAZETTE_SERVER_THREADS: [server] threads must be an integer"))
        << text;
  }
}

TEST(EnvironmentOverrides, BadBooleanIsRefused) {
  auto config = ParseWith({{"GAZETTE_SERVER_ACCESS_LOG", "maybe"}});
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error().message,
              HasSubstr("GAZETTE_SERVER_ACCESS_LOG: [server] access_log must be true or false"));
}

TEST(EnvironmentOverrides, BadListItemIsRefused) {
  auto config = ParseWith({{"GAZETTE_SERVER_TRUSTED_PROXIES", "10.0.0.0/8,300.0.0.0/8"}});
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error().message, HasSubstr("GAZETTE_SERVER_TRUSTED_PROXIES: [server] trusted_proxies"));
  EXPECT_THAT(config.error().message, HasSubstr("300.0.0.0"));
}

TEST(EnvironmentOverrides, InvalidUtf8IsRefused) {
  auto config = ParseWith({{"GAZETTE_SITE_NAME", "bad \xC3\x28"}});
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error().message, HasSubstr("GAZETTE_SITE_NAME: [site] name must be valid UTF-8"));
}

TEST(EnvironmentOverrides, UnknownKeyInKnownSectionIsATypo) {
  auto config = ParseWith({{"GAZETTE_SITE_NMAE", "x"}});
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error().message,
              HasSubstr("environment variable GAZETTE_SITE_NMAE is not a config key"));
  EXPECT_THAT(config.error().message, HasSubstr("GAZETTE_SITE_NAME"));
  auto server = ParseWith({{"GAZETTE_SERVER_PORT", "80"}});
  ASSERT_FALSE(server.ok());
  EXPECT_THAT(server.error().message, HasSubstr("GAZETTE_SERVER_LISTEN"));
}

TEST(EnvironmentOverrides, LowerCaseKeyIsNotAccepted) {
  EXPECT_FALSE(ParseWith({{"GAZETTE_SITE_name", "x"}}).ok());
}

TEST(EnvironmentOverrides, OtherGazetteVariablesAreIgnored) {
  auto config = ParseWith({{"GAZETTE_SOURCE_DIR", "/src"},
                           {"GAZETTE_SITES", "x"},
                           {"HOME", "/root"},
                           {"gazette_site_name", "lower"}});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->site.name, "Gazette");
}

TEST(ProcessEnvironment, ReadsTheProcessVariables) {
  ASSERT_EQ(setenv("GAZETTE_TEST_PROCESS_ENV", "a=b", 1), 0);
  const Environment env = ProcessEnvironment();
  unsetenv("GAZETTE_TEST_PROCESS_ENV");
  ASSERT_EQ(env.count("GAZETTE_TEST_PROCESS_ENV"), 1u);
  EXPECT_EQ(env.at("GAZETTE_TEST_PROCESS_ENV"), "a=b");
}

}  // namespace
}  // namespace gazette::config

namespace gazette::config {
namespace {

TEST(SetKey, ChecksAndStoresOneValue) {
  Config config;
  ASSERT_TRUE(SetKey(config, "site", "timezone", "Europe/Berlin").ok());
  ASSERT_TRUE(SetKey(config, "site", "base_url", "https://example.org/").ok());
  ASSERT_TRUE(SetKey(config, "server", "threads", "2").ok());
  EXPECT_EQ(config.site.timezone, "Europe/Berlin");
  EXPECT_EQ(config.site.base_url, "https://example.org");
  EXPECT_EQ(config.server.threads, 2);
}

TEST(SetKey, RefusesBadValuesAndUnknownKeys) {
  Config config;
  auto status = SetKey(config, "site", "timezone", "Nowhere/Land");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(status.error().message, ::testing::StartsWith("[site] timezone must be an IANA time zone"));
  EXPECT_EQ(config.site.timezone, "UTC");
  EXPECT_FALSE(SetKey(config, "site", "colour", "red").ok());
  EXPECT_FALSE(SetKey(config, "server", "threads", "many").ok());
}

}  // namespace
}  // namespace gazette::config
