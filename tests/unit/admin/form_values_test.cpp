// Back-office form helpers: trimmed fields, service messages as sentences.
#include "gazette/admin/form_values.hpp"

#include <gtest/gtest.h>

namespace gazette::admin {
namespace {

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
