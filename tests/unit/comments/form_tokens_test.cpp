// Signed comment-form tokens: made for one article, good from min_age after showing to a day after.
#include "gazette/comments/form_tokens.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace gazette::comments {
namespace {

using std::chrono::seconds;

const Timestamp kShown = TimestampFromUnix(1767355200);

storage::SecretKey Key(std::uint8_t fill) {
  storage::SecretKey key;
  key.fill(fill);
  return key;
}

TEST(FormTokens, ATokenIsGoodForItsArticleAfterTheMinimumAge) {
  const FormTokens tokens(Key(1));
  const std::string token = tokens.Issue(42, kShown);
  EXPECT_EQ(token.size(), 64u);
  EXPECT_TRUE(tokens.Check(token, 42, kShown + seconds(3), seconds(3)).ok());
  EXPECT_TRUE(tokens.Check(token, 42, kShown, seconds(0)).ok());
}

TEST(FormTokens, ATokenSentTooSoonIsRefused) {
  const FormTokens tokens(Key(1));
  const Status early = tokens.Check(tokens.Issue(42, kShown), 42, kShown + seconds(2), seconds(3));
  ASSERT_FALSE(early.ok());
  EXPECT_NE(early.error().message.find("too quickly"), std::string::npos);
}

TEST(FormTokens, AnExpiredOrFutureTokenIsRefused) {
  const FormTokens tokens(Key(1));
  const std::string token = tokens.Issue(42, kShown);
  EXPECT_TRUE(tokens.Check(token, 42, kShown + kMaxFormAge, seconds(3)).ok());
  const Status late = tokens.Check(token, 42, kShown + kMaxFormAge + seconds(1), seconds(3));
  ASSERT_FALSE(late.ok());
  EXPECT_NE(late.error().message.find("expired"), std::string::npos);
  EXPECT_FALSE(tokens.Check(tokens.Issue(42, kShown + std::chrono::hours(1)), 42, kShown, seconds(0)).ok());
}

TEST(FormTokens, ATokenForAnotherArticleOrKeyIsRefused) {
  const FormTokens tokens(Key(1));
  EXPECT_FALSE(tokens.Check(tokens.Issue(41, kShown), 42, kShown + seconds(5), seconds(3)).ok());
  const FormTokens other(Key(2));
  EXPECT_FALSE(tokens.Check(other.Issue(42, kShown), 42, kShown + seconds(5), seconds(3)).ok());
}

TEST(FormTokens, ReissuingWithinASecondGivesTheSameTokenAndNothingElseIsReused) {
  const FormTokens tokens(Key(1));
  const std::string first = tokens.Issue(42, kShown);
  EXPECT_EQ(tokens.Issue(42, kShown), first);
  // Articles 42 and 106 share a slot of the per-thread memo; each still gets its own token.
  const std::string other_article = tokens.Issue(106, kShown);
  EXPECT_NE(other_article, first);
  EXPECT_TRUE(tokens.Check(other_article, 106, kShown + seconds(5), seconds(3)).ok());
  EXPECT_FALSE(tokens.Check(other_article, 42, kShown + seconds(5), seconds(3)).ok());
  EXPECT_NE(tokens.Issue(42, kShown + seconds(1)), first);
  // Another key (another site, or a rotated key) never gets the first key's token.
  const FormTokens rotated(Key(2));
  const std::string rotated_token = rotated.Issue(42, kShown);
  EXPECT_NE(rotated_token, first);
  EXPECT_TRUE(rotated.Check(rotated_token, 42, kShown + seconds(5), seconds(3)).ok());
  EXPECT_EQ(tokens.Issue(42, kShown), first);
}

TEST(FormTokens, ForgedAndMalformedTokensAreRefused) {
  const FormTokens tokens(Key(1));
  std::string token = tokens.Issue(42, kShown);
  const Timestamp now = kShown + seconds(5);
  // A changed character anywhere: the payload no longer matches its tag.
  for (std::size_t i = 0; i < token.size(); i += 7) {
    std::string forged = token;
    forged[i] = forged[i] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(tokens.Check(forged, 42, now, seconds(3)).ok()) << i;
  }
  EXPECT_FALSE(tokens.Check("", 42, now, seconds(3)).ok());
  EXPECT_FALSE(tokens.Check(token + "A", 42, now, seconds(3)).ok());
  EXPECT_FALSE(tokens.Check(std::string(64, '*'), 42, now, seconds(3)).ok());
  EXPECT_FALSE(tokens.Check(std::string(64, 'A'), 42, now, seconds(3)).ok());
}

}  // namespace
}  // namespace gazette::comments
