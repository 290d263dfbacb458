#include "gazette/editorial/article_input.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "gazette/render/markdown.hpp"

namespace gazette::editorial {

void PrintTo(const FieldError& e, std::ostream* os) {
  *os << e.field << ": " << e.message;
}

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// 2026-03-28 12:00 UTC, the day before London's clocks go forward.
const Timestamp kNow = TimestampFromUnix(1774699200);

ArticleInput Valid() {
  ArticleInput input;
  input.title = "Council goes digital";
  input.category_id = 1;
  input.author_id = 1;
  input.intro_markdown = "An *intro*.";
  input.body_markdown = "A body.";
  return input;
}

class ArticleInputTest : public ::testing::Test {
 protected:
  /// The message for field, or empty when the input passes for that field.
  std::string MessageFor(const ArticleInput& input, const std::string& field) {
    CheckedInput out;
    for (const FieldError& e : CheckArticleInput(input, zone_, kNow, out)) {
      if (e.field == field) return e.message;
    }
    return {};
  }
  std::vector<FieldError> Errors(const ArticleInput& input) {
    CheckedInput out;
    return CheckArticleInput(input, zone_, kNow, out);
  }

  TimeZone zone_ = *TimeZone::Load("Europe/London");
};

TEST_F(ArticleInputTest, AValidFormPassesAndIsNormalised) {
  ArticleInput input = Valid();
  input.title = "  Council goes digital \r\n";
  input.country = " gb ";
  input.tags = " cloud ,  open   data,, Cloud, identity ";
  input.body_markdown = "one\r\ntwo\rthree";
  CheckedInput out;
  EXPECT_THAT(CheckArticleInput(input, zone_, kNow, out), IsEmpty());
  EXPECT_EQ(out.title, "Council goes digital");
  EXPECT_EQ(out.country, "GB");
  EXPECT_THAT(out.tag_names, ElementsAre("cloud", "open data", "identity"));
  EXPECT_EQ(out.body_markdown, "one\ntwo\nthree");
  EXPECT_EQ(out.slug, "");
  EXPECT_FALSE(out.publish_at.has_value());
  EXPECT_FALSE(out.unpublish_at.has_value());
}

TEST_F(ArticleInputTest, TitleMustBeOneToThreeHundredCharactersOnOneLine) {
  ArticleInput input = Valid();
  input.title = "   ";
  EXPECT_THAT(MessageFor(input, "title"), HasSubstr("Give the article a title"));
  input.title = std::string(300, 'x');
  EXPECT_EQ(MessageFor(input, "title"), "");
  input.title = std::string(301, 'x');
  EXPECT_THAT(MessageFor(input, "title"), HasSubstr("301 characters"));
  std::string polish;
  for (int i = 0; i < 300; ++i) polish += "ł";  // 600 bytes, 300 characters
  input.title = polish;
  EXPECT_EQ(MessageFor(input, "title"), "");
  input.title = std::string(100'000, 'x');
  EXPECT_THAT(MessageFor(input, "title"), HasSubstr("too long"));
  input.title = "Two\nlines";
  EXPECT_THAT(MessageFor(input, "title"), HasSubstr("one line"));
  input.title = "Bell\a";
  EXPECT_THAT(MessageFor(input, "title"), HasSubstr("control characters"));
  input.title = "Caf\xC3";
  EXPECT_THAT(MessageFor(input, "title"), HasSubstr("UTF-8"));
}

TEST_F(ArticleInputTest, SlugMustBeASlugOrEmpty) {
  ArticleInput input = Valid();
  input.slug = "council-goes-digital";
  EXPECT_EQ(MessageFor(input, "slug"), "");
  for (const char* bad : {"Council", "two--hyphens", "-leading", "spaces here", "ünïcode", "a/b", "x%20y"}) {
    input.slug = bad;
    EXPECT_THAT(MessageFor(input, "slug"), HasSubstr("lower-case letters")) << bad;
  }
  input.slug = std::string(200, 'a');
  EXPECT_THAT(MessageFor(input, "slug"), HasSubstr("too long"));
}

TEST_F(ArticleInputTest, CountryIsEmptyOrTwoLetters) {
  ArticleInput input = Valid();
  for (const char* good : {"", "GB", "de"}) {
    input.country = good;
    EXPECT_EQ(MessageFor(input, "country"), "") << good;
  }
  for (const char* bad : {"GBR", "G", "G1", "Ü1", "12", "gb x", "\xC3"}) {
    input.country = bad;
    EXPECT_THAT(MessageFor(input, "country"), HasSubstr("two-letter")) << bad;
  }
  input.country = std::string(10'000, 'G');
  EXPECT_THAT(MessageFor(input, "country"), HasSubstr("two-letter"));
}

TEST_F(ArticleInputTest, CategoryAndAuthorMustBeChosen) {
  ArticleInput input = Valid();
  input.category_id = 0;
  input.author_id = -3;
  EXPECT_EQ(MessageFor(input, "category_id"), "Choose a category.");
  EXPECT_EQ(MessageFor(input, "author_id"), "Choose an author.");
}

TEST_F(ArticleInputTest, MarkdownSizesAreBoundedAndControlCharactersRefused) {
  ArticleInput input = Valid();
  input.intro_markdown = std::string(kMaxIntroBytes, 'a');
  EXPECT_EQ(MessageFor(input, "intro_markdown"), "");
  input.intro_markdown = std::string(kMaxIntroBytes + 1, 'a');
  EXPECT_THAT(MessageFor(input, "intro_markdown"), HasSubstr("at most 10 KB"));
  input = Valid();
  input.body_markdown = std::string(render::kMaxMarkdownBytes + 1, 'a');
  EXPECT_THAT(MessageFor(input, "body_markdown"), HasSubstr("at most 1024 KB"));
  input.body_markdown = "Tabs\tand\nnew lines are fine";
  EXPECT_EQ(MessageFor(input, "body_markdown"), "");
  input.body_markdown = std::string("A nul \0 byte", 12);
  EXPECT_THAT(MessageFor(input, "body_markdown"), HasSubstr("control characters"));
  input.body_markdown = "Latin-1 caf\xE9";
  EXPECT_THAT(MessageFor(input, "body_markdown"), HasSubstr("UTF-8"));
}

TEST_F(ArticleInputTest, TagsAreBoundedInNumberAndLength) {
  ArticleInput input = Valid();
  std::string many;
  for (int i = 0; i < 51; ++i) many += "tag" + std::to_string(i) + ",";
  input.tags = many;
  EXPECT_THAT(MessageFor(input, "tags"), HasSubstr("at most 50 tags"));
  input.tags = "fine, " + std::string(kMaxTagNameBytes + 1, 'x');
  EXPECT_THAT(MessageFor(input, "tags"), HasSubstr("too long"));
  input.tags = std::string(kMaxTagsFieldBytes + 1, 'x');
  EXPECT_THAT(MessageFor(input, "tags"), HasSubstr("too long"));
  input.tags = "new\nline";
  EXPECT_THAT(MessageFor(input, "tags"), HasSubstr("one line"));
}

TEST_F(ArticleInputTest, FeaturedOrderIsASmallNumber) {
  ArticleInput input = Valid();
  input.featured_order = -1;
  EXPECT_THAT(MessageFor(input, "featured_order"), HasSubstr("0 to 1000"));
  input.featured_order = 1001;
  EXPECT_THAT(MessageFor(input, "featured_order"), HasSubstr("0 to 1000"));
  input.featured_order = 3;
  EXPECT_EQ(MessageFor(input, "featured_order"), "");
}

TEST_F(ArticleInputTest, ScheduleNeedsAFutureLocalTime) {
  ArticleInput input = Valid();
  input.mode = PublishMode::kSchedule;
  EXPECT_THAT(MessageFor(input, "publish_at_local"), HasSubstr("Give the date and time"));
  input.publish_at_local = "next tuesday";
  EXPECT_THAT(MessageFor(input, "publish_at_local"), HasSubstr("2026-03-29 09:30"));
  input.publish_at_local = "2026-03-28 11:59";  // 11:59 GMT, before now
  EXPECT_THAT(MessageFor(input, "publish_at_local"), HasSubstr("already passed"));
  input.publish_at_local = "2026-03-29T09:00";
  CheckedInput out;
  ASSERT_THAT(CheckArticleInput(input, zone_, kNow, out), IsEmpty());
  // After the change to BST, 09:00 in London is 08:00 UTC.
  EXPECT_EQ(out.publish_at, TimestampFromUnix(1774771200));
  // Only a schedule reads the field.
  input.mode = PublishMode::kSaveDraft;
  input.publish_at_local = "garbage";
  EXPECT_EQ(MessageFor(input, "publish_at_local"), "");
}

TEST_F(ArticleInputTest, UnpublishTimeIsKeptClearedOrAfterPublication) {
  ArticleInput input = Valid();
  CheckedInput out;
  ASSERT_THAT(CheckArticleInput(input, zone_, kNow, out), IsEmpty());
  EXPECT_FALSE(out.unpublish_at.has_value());  // unset: as it is
  input.unpublish_at_local = "";
  ASSERT_THAT(CheckArticleInput(input, zone_, kNow, out), IsEmpty());
  ASSERT_TRUE(out.unpublish_at.has_value());
  EXPECT_FALSE(out.unpublish_at->has_value());  // empty: never
  input.unpublish_at_local = "2026-03-27 10:00";
  EXPECT_THAT(MessageFor(input, "unpublish_at_local"), HasSubstr("archive it"));
  input.mode = PublishMode::kSchedule;
  input.publish_at_local = "2026-04-02 10:00";
  input.unpublish_at_local = "2026-04-01 10:00";
  EXPECT_THAT(MessageFor(input, "unpublish_at_local"), HasSubstr("before it appears"));
  input.unpublish_at_local = "2026-04-03 10:00";
  EXPECT_EQ(MessageFor(input, "unpublish_at_local"), "");
}

TEST_F(ArticleInputTest, EveryFailingFieldIsReportedOnce) {
  ArticleInput input;
  input.title = "";
  input.country = "XYZ";
  input.slug = "Bad Slug";
  const auto errors = Errors(input);
  std::vector<std::string> fields;
  for (const auto& e : errors) fields.push_back(e.field);
  EXPECT_THAT(fields, ElementsAre("title", "slug", "country", "category_id", "author_id"));
}

TEST(TagNames, SplitTrimsCollapsesAndDropsRepeats) {
  EXPECT_THAT(SplitTagNames(""), IsEmpty());
  EXPECT_THAT(SplitTagNames(" , ,"), IsEmpty());
  EXPECT_THAT(SplitTagNames("Open   Data, open data,OPEN DATA ,Łódź"), ElementsAre("Open Data", "Łódź"));
}

TEST(PublishModes, ParseTheButtonsOnly) {
  EXPECT_EQ(*ParsePublishMode("draft"), PublishMode::kSaveDraft);
  EXPECT_EQ(*ParsePublishMode("review"), PublishMode::kSubmitForReview);
  EXPECT_EQ(*ParsePublishMode("publish"), PublishMode::kPublishNow);
  EXPECT_EQ(*ParsePublishMode("schedule"), PublishMode::kSchedule);
  EXPECT_EQ(*ParsePublishMode("keep"), PublishMode::kKeepState);
  EXPECT_EQ(ParsePublishMode("Publish").error().code, ErrorCode::kInvalid);
  EXPECT_EQ(ParsePublishMode("").error().code, ErrorCode::kInvalid);
}

}  // namespace
}  // namespace gazette::editorial
