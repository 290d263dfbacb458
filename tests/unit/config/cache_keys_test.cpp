// The [cache] keys: whether the page cache is on and how much memory it may take, from the file, the
// environment and the rendered gazette.toml.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "gazette/config/config.hpp"

namespace gazette::config {
namespace {

using ::testing::HasSubstr;

constexpr std::int64_t kMiB = 1024 * 1024;
constexpr std::int64_t kGiB = 1024 * kMiB;

Result<Config> Parse(std::string_view text, const Environment& env = {}) {
  return ParseConfig(text, "site", env);
}

std::string ErrorOf(std::string_view text, const Environment& env = {}) {
  auto config = Parse(text, env);
  if (config.ok()) return "(no error)";
  return config.error().message;
}

TEST(CacheKeys, DefaultsKeepPagesInSixtyFourMebibytes) {
  auto config = Parse("");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(config->cache.enabled);
  EXPECT_EQ(config->cache.max_bytes, 64 * kMiB);
}

TEST(CacheKeys, AreReadFromTheFile) {
  auto config = Parse("[cache]\nenabled = false\nmax_bytes = 268435456\n");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_FALSE(config->cache.enabled);
  EXPECT_EQ(config->cache.max_bytes, 256 * kMiB);
}

TEST(CacheKeys, AcceptTheEndsOfTheRange) {
  auto smallest = Parse("[cache]\nmax_bytes = 1048576\n");
  ASSERT_TRUE(smallest.ok()) << smallest.error().message;
  EXPECT_EQ(smallest->cache.max_bytes, kMiB);
  auto largest = Parse("[cache]\nmax_bytes = 17179869184\n");
  ASSERT_TRUE(largest.ok()) << largest.error().message;
  EXPECT_EQ(largest->cache.max_bytes, 16 * kGiB);
}

TEST(CacheKeys, SizeOutsideTheRangeIsRefusedWithFileLineAndRange) {
  EXPECT_THAT(ErrorOf("[cache]\nenabled = true\nmax_bytes = 1048575\n"),
              HasSubstr("site/gazette.toml:3: [cache] max_bytes must be between 1048576 (1 MiB) and "
                        "17179869184 (16 GiB) bytes (got 1048575)"));
  EXPECT_THAT(ErrorOf("[cache]\nmax_bytes = 17179869185\n"), HasSubstr("(got 17179869185)"));
  EXPECT_THAT(ErrorOf("[cache]\nmax_bytes = 0\n"), HasSubstr("gazette.toml:2: [cache] max_bytes must be between"));
  EXPECT_THAT(ErrorOf("[cache]\nmax_bytes = -1\n"), HasSubstr("(got -1)"));
}

TEST(CacheKeys, ValuesOfTheWrongTypeAreRefused) {
  EXPECT_THAT(ErrorOf("[cache]\nmax_bytes = \"64MB\"\n"),
              HasSubstr("gazette.toml:2: [cache] max_bytes must be an integer (got a string)"));
  EXPECT_THAT(ErrorOf("[cache]\nmax_bytes = 1.5e8\n"), HasSubstr("must be an integer (got a floating-point number)"));
  EXPECT_THAT(ErrorOf("[cache]\nenabled = \"no\"\n"),
              HasSubstr("gazette.toml:2: [cache] enabled must be true or false (got a string)"));
}

TEST(CacheKeys, UnknownKeyIsRefusedWithTheKnownOnes) {
  EXPECT_THAT(ErrorOf("[cache]\nmax_size = 1048576\n"),
              HasSubstr("gazette.toml:2: [cache] has no key \"max_size\" (known keys: enabled, max_bytes)"));
}

TEST(CacheKeys, EnvironmentOverridesTheFile) {
  auto config = Parse("[cache]\nenabled = true\nmax_bytes = 1048576\n",
                      {{"GAZETTE_CACHE_ENABLED", "false"}, {"GAZETTE_CACHE_MAX_BYTES", "134217728"}});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_FALSE(config->cache.enabled);
  EXPECT_EQ(config->cache.max_bytes, 128 * kMiB);
}

TEST(CacheKeys, BadEnvironmentValuesNameTheVariable) {
  EXPECT_THAT(ErrorOf("", {{"GAZETTE_CACHE_MAX_BYTES", "64M"}}),
              HasSubstr("environment variable GAZETTE_CACHE_MAX_BYTES: [cache] max_bytes must be an integer"));
  EXPECT_THAT(ErrorOf("", {{"GAZETTE_CACHE_MAX_BYTES", "1024"}}),
              HasSubstr("environment variable GAZETTE_CACHE_MAX_BYTES: [cache] max_bytes must be between"));
  EXPECT_THAT(ErrorOf("", {{"GAZETTE_CACHE_ENABLED", "maybe"}}),
              HasSubstr("environment variable GAZETTE_CACHE_ENABLED: [cache] enabled must be true or false"));
  EXPECT_THAT(ErrorOf("", {{"GAZETTE_CACHE_SIZE", "1048576"}}),
              HasSubstr("GAZETTE_CACHE_SIZE is not a config key (known for [cache]: GAZETTE_CACHE_ENABLED, "
                        "GAZETTE_CACHE_MAX_BYTES)"));
}

TEST(CacheKeys, SetKeyChecksLikeTheFile) {
  Config config;
  ASSERT_TRUE(SetKey(config, "cache", "max_bytes", "2097152").ok());
  EXPECT_EQ(config.cache.max_bytes, 2 * kMiB);
  auto refused = SetKey(config, "cache", "max_bytes", "1");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("[cache] max_bytes must be between"));
  EXPECT_EQ(config.cache.max_bytes, 2 * kMiB);
}

TEST(CacheKeys, RenderedFileCommentsDefaultsAndRoundTripsChangedValues) {
  const std::string defaults = RenderConfigFile(Config{});
  EXPECT_THAT(defaults, HasSubstr("\n[cache]\n"));
  EXPECT_THAT(defaults, HasSubstr("\n# enabled = true\n"));
  EXPECT_THAT(defaults, HasSubstr("\n# max_bytes = 67108864\n"));
  EXPECT_THAT(defaults, HasSubstr("1048576..17179869184"));

  Config config;
  config.dir = "site";
  config.cache.enabled = false;
  config.cache.max_bytes = 3 * kGiB;
  const std::string text = RenderConfigFile(config);
  EXPECT_THAT(text, HasSubstr("# Default: true\nenabled = false\n"));
  EXPECT_THAT(text, HasSubstr("# Default: 67108864\nmax_bytes = 3221225472\n"));
  auto parsed = Parse(text);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message << "\n" << text;
  EXPECT_EQ(parsed->cache, config.cache);
}

}  // namespace
}  // namespace gazette::config
