#include "gazette/search/search_query.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace gazette::search {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

std::string MatchOf(std::string_view text) {
  auto query = ParseSearchQuery(text);
  EXPECT_TRUE(query.ok()) << text;
  return query.ok() ? query->match : "<error>";
}

TEST(SearchQuery, BlankTextIsAnEmptyQueryNotAnError) {
  for (std::string_view text : {"", "   ", "\t\n", "\"\"", "-", "***", "\" \"", "— … «»"}) {
    auto query = ParseSearchQuery(text);
    ASSERT_TRUE(query.ok()) << text;
    EXPECT_TRUE(query->empty()) << text;
    EXPECT_THAT(query->terms, IsEmpty()) << text;
  }
}

TEST(SearchQuery, EveryWordMustMatch) {
  EXPECT_EQ(MatchOf("council"), "\"council\"");
  EXPECT_EQ(MatchOf("  city   council "), "\"city\" AND \"council\"");
}

TEST(SearchQuery, QuotedTextIsAPhrase) {
  auto query = ParseSearchQuery("\"city council\" budget");
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->match, "\"city council\" AND \"budget\"");
  ASSERT_THAT(query->terms, SizeIs(2));
  EXPECT_TRUE(query->terms[0].phrase);
  EXPECT_EQ(query->terms[0].text, "city council");
  EXPECT_FALSE(query->terms[1].phrase);
}

TEST(SearchQuery, UnbalancedQuoteRunsToTheEnd) {
  EXPECT_EQ(MatchOf("budget \"city council"), "\"budget\" AND \"city council\"");
  EXPECT_EQ(MatchOf("\""), "");
  EXPECT_EQ(MatchOf("a\"b"), "\"a\" AND \"b\"");
}

TEST(SearchQuery, MinusExcludesAWordOrPhrase) {
  EXPECT_EQ(MatchOf("council -budget"), "(\"council\") NOT (\"budget\")");
  EXPECT_EQ(MatchOf("council -budget -\"open data\""), "(\"council\") NOT (\"budget\" OR \"open data\")");
  auto query = ParseSearchQuery("council -budget");
  ASSERT_TRUE(query.ok());
  EXPECT_TRUE(query->terms[1].excluded);
  EXPECT_EQ(query->terms[1].text, "budget");
}

TEST(SearchQuery, HyphenInsideAWordIsNotAnExclusion) {
  EXPECT_EQ(MatchOf("e-government"), "\"e-government\"");
}

TEST(SearchQuery, OnlyExcludedWordsIsRefusedWithAMessage) {
  for (std::string_view text : {"-budget", "-budget -\"open data\"", " -a -b "}) {
    auto query = ParseSearchQuery(text);
    ASSERT_FALSE(query.ok()) << text;
    EXPECT_EQ(query.error().code, ErrorCode::kInvalid);
    EXPECT_THAT(query.error().message, HasSubstr("at least one word"));
  }
}

TEST(SearchQuery, TrailingStarIsAPrefix) {
  EXPECT_EQ(MatchOf("counc*"), "\"counc\" *");
  EXPECT_EQ(MatchOf("counc** budget"), "\"counc\" * AND \"budget\"");
  auto query = ParseSearchQuery("counc*");
  ASSERT_TRUE(query.ok());
  EXPECT_TRUE(query->terms[0].prefix);
  EXPECT_EQ(query->terms[0].text, "counc");
}

TEST(SearchQuery, OneLetterPrefixIsAPlainWord) {
  EXPECT_EQ(MatchOf("c*"), "\"c\"");
  EXPECT_EQ(MatchOf("ü*"), "\"ü\"");
  EXPECT_EQ(MatchOf("zü*"), "\"zü\" *");
}

TEST(SearchQuery, LoneStarIsIgnored) {
  EXPECT_EQ(MatchOf("* council *"), "\"council\"");
}

TEST(SearchQuery, EngineSyntaxIsOnlyText) {
  EXPECT_EQ(MatchOf("NEAR(a b)"), "\"NEAR(a\" AND \"b)\"");
  EXPECT_EQ(MatchOf("a OR b"), "\"a\" AND \"OR\" AND \"b\"");
  EXPECT_EQ(MatchOf("a AND NOT b"), "\"a\" AND \"AND\" AND \"NOT\" AND \"b\"");
  EXPECT_EQ(MatchOf("^start"), "\"^start\"");
  EXPECT_EQ(MatchOf("title:zurich"), "\"title:zurich\"");
  EXPECT_EQ(MatchOf("(a) {b}"), "\"(a)\" AND \"{b}\"");
  EXPECT_EQ(MatchOf("+a"), "\"+a\"");
}

TEST(SearchQuery, QuotesInsideTextAreDoubled) {
  EXPECT_EQ(QuoteFts5String("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(QuoteFts5String(""), "\"\"");
}

TEST(SearchQuery, ControlCharactersSeparateTermsAndNeverReachTheEngine) {
  const std::string text("a\0b\x01" "c\x7F" "d", 7);
  EXPECT_EQ(MatchOf(text), "\"a\" AND \"b\" AND \"c\" AND \"d\"");
  const std::string phrase("\"a\0b\"", 5);
  EXPECT_EQ(MatchOf(phrase), "\"a b\"");
}

TEST(SearchQuery, PunctuationOnlyTermsAreDropped) {
  EXPECT_EQ(MatchOf("Zürich — news …"), "\"Zürich\" AND \"news\"");
  EXPECT_EQ(MatchOf("!!! ?"), "");
}

TEST(SearchQuery, AccentedAndNonLatinWordsAreKept) {
  EXPECT_EQ(MatchOf("Kraków"), "\"Kraków\"");
  EXPECT_EQ(MatchOf("東京"), "\"東京\"");
}

TEST(SearchQuery, InvalidUtf8IsRefusedWithAMessage) {
  for (std::string_view text : {"\xFF", "caf\xC3", "\xC0\xAF", "a \xED\xA0\x80 b"}) {
    auto query = ParseSearchQuery(text);
    ASSERT_FALSE(query.ok());
    EXPECT_EQ(query.error().code, ErrorCode::kInvalid);
    EXPECT_THAT(query.error().message, HasSubstr("UTF-8"));
  }
}

TEST(SearchQuery, LongTextIsCutAtACharacterBoundaryWithANote) {
  std::string text;
  while (text.size() < 10'000) text += "Zürich ";
  auto query = ParseSearchQuery(text);
  ASSERT_TRUE(query.ok());
  EXPECT_FALSE(query->empty());
  ASSERT_THAT(query->notes, SizeIs(2));  // shortened, and too many terms
  EXPECT_THAT(query->notes[0], HasSubstr("first 1000 bytes"));
  EXPECT_LE(query->match.size(), kMaxQueryBytes * 2);

  // A two-byte character straddling the limit is left out, not split.
  std::string straddling(kMaxQueryBytes - 1, 'a');
  straddling += "ü";
  auto cut = ParseSearchQuery(straddling);
  ASSERT_TRUE(cut.ok());
  ASSERT_THAT(cut->terms, SizeIs(1));
  EXPECT_EQ(cut->terms[0].text, std::string(kMaxQueryBytes - 1, 'a'));
}

TEST(SearchQuery, TermsBeyondTheCapAreDroppedWithANote) {
  std::string text;
  for (std::size_t i = 0; i < kMaxTerms + 5; ++i) text += "w" + std::to_string(i) + " ";
  auto query = ParseSearchQuery(text);
  ASSERT_TRUE(query.ok());
  EXPECT_THAT(query->terms, SizeIs(kMaxTerms));
  ASSERT_THAT(query->notes, SizeIs(1));
  EXPECT_THAT(query->notes[0], HasSubstr("32"));
  EXPECT_THAT(query->match, HasSubstr("\"w31\""));
  EXPECT_THAT(query->match, ::testing::Not(HasSubstr("\"w32\"")));
}

TEST(SearchQuery, ShortTextHasNoNotes) {
  auto query = ParseSearchQuery("city council");
  ASSERT_TRUE(query.ok());
  EXPECT_THAT(query->notes, IsEmpty());
}

}  // namespace
}  // namespace gazette::search
