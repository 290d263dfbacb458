#include "gazette/base/html_escape.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gazette {
namespace {

TEST(HtmlEscape, EscapesTheFiveSpecials) {
  EXPECT_EQ(HtmlEscape("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
}

TEST(HtmlEscape, LeavesOtherTextAlone) {
  EXPECT_EQ(HtmlEscape(""), "");
  EXPECT_EQ(HtmlEscape("Łódź council — 100% {{x}}"), "Łódź council — 100% {{x}}");
  EXPECT_EQ(HtmlEscape(std::string_view("a\0b", 3)), std::string("a\0b", 3));
}

TEST(HtmlEscape, EscapesSpecialsAtTheEdgesAndSideBySide) {
  EXPECT_EQ(HtmlEscape("<"), "&lt;");
  EXPECT_EQ(HtmlEscape("<>&\"'"), "&lt;&gt;&amp;&quot;&#39;");
  EXPECT_EQ(HtmlEscape("'start and end\""), "&#39;start and end&quot;");
  EXPECT_EQ(HtmlEscape("\xFF<\x80"), "\xFF&lt;\x80");
}

TEST(HtmlEscape, EscapesAlreadyEscapedTextAgain) {
  EXPECT_EQ(HtmlEscape("&amp;"), "&amp;amp;");
}

TEST(HtmlEscape, AppendsToExistingOutput) {
  std::string out = "<p>";
  AppendHtmlEscaped("a<b", out);
  EXPECT_EQ(out, "<p>a&lt;b");
}

}  // namespace
}  // namespace gazette
