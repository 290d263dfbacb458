#include "gazette/accounts/tokens.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace gazette::accounts {
namespace {

bool IsBase64Url(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
}

TEST(Tokens, NewTokensAre43Base64UrlCharactersThatDecode) {
  const std::string token = NewToken();
  EXPECT_EQ(token.size(), kTokenChars);
  EXPECT_TRUE(std::all_of(token.begin(), token.end(), IsBase64Url)) << token;
  EXPECT_TRUE(DecodeToken(token).has_value());
}

TEST(Tokens, NewTokensDiffer) {
  std::set<std::string> tokens;
  for (int i = 0; i < 100; ++i) tokens.insert(NewToken());
  EXPECT_EQ(tokens.size(), 100u);
}

TEST(Tokens, DecodeRefusesTheWrongLength) {
  const std::string token = NewToken();
  EXPECT_FALSE(DecodeToken("").has_value());
  EXPECT_FALSE(DecodeToken(token.substr(0, 42)).has_value());
  EXPECT_FALSE(DecodeToken(token + "A").has_value());
  EXPECT_FALSE(DecodeToken(token + token).has_value());
}

TEST(Tokens, DecodeRefusesCharactersOutsideTheBase64UrlAlphabet) {
  const std::string base(42, 'A');
  for (const std::string& bad : {base + "+", base + "/", base + "=", base + " ", base + ".",
                                 std::string(41, 'A') + "\xc3\xa9", std::string(42, 'A') + '\0'}) {
    EXPECT_FALSE(DecodeToken(bad).has_value()) << bad;
  }
  std::string padded = NewToken();
  padded.back() = '=';
  EXPECT_FALSE(DecodeToken(padded).has_value());
}

TEST(Tokens, DecodeRefusesANonCanonicalLastCharacter) {
  // 43 characters carry 258 bits for 256: the last character's two low bits must be zero.
  EXPECT_TRUE(DecodeToken(std::string(42, 'A') + "A").has_value());
  EXPECT_TRUE(DecodeToken(std::string(42, 'A') + "E").has_value());
  EXPECT_FALSE(DecodeToken(std::string(42, 'A') + "B").has_value());
  EXPECT_FALSE(DecodeToken(std::string(42, 'A') + "D").has_value());
}

TEST(Tokens, SessionIdHashIsStableAndNotTheTokenItself) {
  const auto token = DecodeToken(NewToken());
  ASSERT_TRUE(token.has_value());
  const storage::SessionIdHash hash = SessionIdHashOf(*token);
  EXPECT_EQ(hash, SessionIdHashOf(*token));
  EXPECT_FALSE(std::equal(hash.begin(), hash.end(), token->begin()));
  const auto other = DecodeToken(NewToken());
  ASSERT_TRUE(other.has_value());
  EXPECT_NE(SessionIdHashOf(*other), hash);
}

TEST(Tokens, CsrfTokensMatchOnlyWhenEqual) {
  const std::string token = NewToken();
  EXPECT_TRUE(TokensMatch(token, token));
  EXPECT_TRUE(TokensMatch(token, std::string(token)));
  std::string changed = token;
  changed[20] = changed[20] == 'x' ? 'y' : 'x';
  EXPECT_FALSE(TokensMatch(token, changed));
  EXPECT_FALSE(TokensMatch(token, token.substr(0, 42)));
  EXPECT_FALSE(TokensMatch(token, token + "A"));
  EXPECT_FALSE(TokensMatch(token, ""));
  EXPECT_FALSE(TokensMatch("", ""));
}

}  // namespace
}  // namespace gazette::accounts
