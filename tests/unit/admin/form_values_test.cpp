// The readers of back-office form values: ids, trimmed fields, service messages as sentences.
#include "gazette/admin/form_values.hpp"

#include <gtest/gtest.h>

namespace gazette::admin {
namespace {

TEST(FormValues, ParseIdAcceptsOnlyPlainPositiveNumbers) {
  EXPECT_EQ(ParseId("42"), 42);
  EXPECT_EQ(ParseId("999999999999999999"), 999999999999999999);
  EXPECT_FALSE(ParseId(""));
  EXPECT_FALSE(ParseId("0"));
  EXPECT_FALSE(ParseId("007"));
  EXPECT_FALSE(ParseId("-1"));
  EXPECT_FALSE(ParseId("+1"));
  EXPECT_FALSE(ParseId("1.5"));
  EXPECT_FALSE(ParseId("1 "));
  EXPECT_FALSE(ParseId("9999999999999999999"));  // would overflow: refused, not wrapped
}

TEST(FormValues, TrimmedFieldCutsBlanksAtBothEnds) {
  auto form = http::Form::FromFields({{"name", " \t Science desk \r\n"}, {"blank", "   "}});
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(TrimmedField(*form, "name"), "Science desk");
  EXPECT_EQ(TrimmedField(*form, "blank"), "");
  EXPECT_EQ(TrimmedField(*form, "missing"), "");
}

TEST(FormValues, AsSentenceCapitalisesAndEndsWithAFullStop) {
  EXPECT_EQ(AsSentence("the file is empty; choose an image"), "The file is empty; choose an image.");
  EXPECT_EQ(AsSentence("Already a sentence."), "Already a sentence.");
  EXPECT_EQ(AsSentence("'Europe' has 2 subcategories"), "'Europe' has 2 subcategories.");
  EXPECT_EQ(AsSentence(""), "");
}

}  // namespace
}  // namespace gazette::admin
