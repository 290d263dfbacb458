// The [comments] keys: moderation mode and the anti-spam limits, from the file and the environment.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "gazette/config/config.hpp"

namespace gazette::config {
namespace {

using ::testing::HasSubstr;

Result<Config> Parse(std::string_view text, const Environment& env = {}) {
  return ParseConfig(text, "site", env);
}

TEST(CommentKeys, DefaultsModerateEverythingWithThreeLinksAndThreeSeconds) {
  auto config = Parse("");
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->comments.moderation, "all");
  EXPECT_EQ(config->comments.max_links, 3);
  EXPECT_EQ(config->comments.min_seconds, 3);
}

TEST(CommentKeys, AreReadFromTheFileAndTheEnvironment) {
  auto config = Parse("[comments]\nmoderation = \"trusted\"\nmax_links = 0\n", {{"GAZETTE_COMMENTS_MIN_SECONDS", "0"}});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->comments.moderation, "trusted");
  EXPECT_EQ(config->comments.max_links, 0);
  EXPECT_EQ(config->comments.min_seconds, 0);
}

TEST(CommentKeys, BadValuesAreRefusedWithTheirRange) {
  EXPECT_THAT(Parse("[comments]\nmoderation = \"none\"\n").error().message, HasSubstr("must be \"all\" or \"trusted\""));
  EXPECT_THAT(Parse("[comments]\nmax_links = 21\n").error().message, HasSubstr("between 0 and 20"));
  EXPECT_THAT(Parse("[comments]\nmin_seconds = 6\n").error().message, HasSubstr("between 0 and 5"));
  EXPECT_THAT(Parse("[comments]\nmin_seconds = -1\n").error().message, HasSubstr("between 0 and 5"));
  EXPECT_FALSE(Parse("", {{"GAZETTE_COMMENTS_MAX_LINKS", "many"}}).ok());
}

}  // namespace
}  // namespace gazette::config
