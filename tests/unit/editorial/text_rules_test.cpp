#include "gazette/editorial/text_rules.hpp"

#include <gtest/gtest.h>


namespace gazette::editorial {
namespace {

TEST(TextRules, NormalisesCrlfAndLoneCrToLf) {
  EXPECT_EQ(NormaliseLineEnds("a\r\nb\rc\nd\r\n\r\n"), "a\nb\nc\nd\n\n");
  EXPECT_EQ(NormaliseLineEnds("no breaks"), "no breaks");
}

TEST(TextRules, TrimsAsciiBlanksOnly) {
  EXPECT_EQ(TrimAscii("  \t title \r\n"), "title");
  EXPECT_EQ(TrimAscii("   "), "");
  EXPECT_EQ(TrimAscii("\xC2\xA0kept\xC2\xA0"), "\xC2\xA0kept\xC2\xA0");
}

}  // namespace
}  // namespace gazette::editorial
