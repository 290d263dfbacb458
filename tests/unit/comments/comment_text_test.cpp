// Comment text to HTML: paragraphs, line breaks, http(s) links and escaping of everything else.
#include "gazette/comments/comment_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace gazette::comments {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kRel = " rel=\"nofollow ugc noopener\"";

std::string Link(const std::string& url) {
  return "<a href=\"" + url + "\"" + kRel + ">" + url + "</a>";
}

TEST(CommentText, BlankLinesSeparateParagraphsAndSingleBreaksBecomeBr) {
  EXPECT_EQ(CommentTextToHtml("one\ntwo\n\nthree\n \n\n\nfour"),
            "<p>one<br>\ntwo</p>\n<p>three</p>\n<p>four</p>\n");
}

TEST(CommentText, EmptyTextMakesNoParagraph) {
  EXPECT_EQ(CommentTextToHtml(""), "");
  EXPECT_EQ(CommentTextToHtml("\n\n"), "");
}

TEST(CommentText, MarkupAndEntitiesAreShownAsTyped) {
  EXPECT_EQ(CommentTextToHtml("<script>alert(1)</script> & \"q\" 'a' &lt;b&gt; &#x6a;"),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39; &amp;lt;b&amp;gt; "
            "&amp;#x6a;</p>\n");
}

TEST(CommentText, HttpAndHttpsUrlsBecomeLinksWithTheRel) {
  EXPECT_EQ(CommentTextToHtml("see http://example.org/a?b=1&c=2 and HTTPS://x.org"),
            "<p>see <a href=\"http://example.org/a?b=1&amp;c=2\"" + kRel +
                ">http://example.org/a?b=1&amp;c=2</a> and " + Link("HTTPS://x.org") + "</p>\n");
}

TEST(CommentText, OtherSchemesStayText) {
  for (const std::string text : {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                                 "&#x6a;avascript:alert(1)", "vbscript:x", "ftp://example.org",
                                 "//example.org", "xhttp://example.org"}) {
    EXPECT_THAT(CommentTextToHtml(text), Not(HasSubstr("<a "))) << text;
  }
}

TEST(CommentText, AQuoteEndsALinkSoNoAttributeCanBeAdded) {
  const std::string html = CommentTextToHtml("http://x\"onmouseover=alert(1)");
  EXPECT_EQ(html, "<p>" + Link("http://x") + "&quot;onmouseover=alert(1)</p>\n");
  const std::string single = CommentTextToHtml("http://x'onmouseover=alert(1)");
  EXPECT_EQ(single, "<p>" + Link("http://x") + "&#39;onmouseover=alert(1)</p>\n");
  EXPECT_EQ(CommentTextToHtml("http://x<b>y"), "<p>" + Link("http://x") + "&lt;b&gt;y</p>\n");
}

TEST(CommentText, TrailingPunctuationAndUnmatchedBracketsStayOutsideTheLink) {
  EXPECT_EQ(CommentTextToHtml("Read http://example.org/a."), "<p>Read " + Link("http://example.org/a") + ".</p>\n");
  EXPECT_EQ(CommentTextToHtml("(see http://example.org/a)!"),
            "<p>(see " + Link("http://example.org/a") + ")!</p>\n");
  EXPECT_EQ(CommentTextToHtml("http://en.wikipedia.org/wiki/A_(b), yes"),
            "<p>" + Link("http://en.wikipedia.org/wiki/A_(b)") + ", yes</p>\n");
  EXPECT_EQ(CommentTextToHtml("Is it http://example.org/?"), "<p>Is it " + Link("http://example.org/") + "?</p>\n");
}

TEST(CommentText, ASchemeWithoutAHostIsNotALink) {
  EXPECT_EQ(CommentTextToHtml("http:// and https://."), "<p>http:// and https://.</p>\n");
}

TEST(CommentText, NonAsciiTextIsKeptAndEndsALink) {
  const std::string rtl = "\u05e9\u05dc\u05d5\u05dd \U0001F44D e\u0301";
  EXPECT_EQ(CommentTextToHtml(rtl), "<p>" + rtl + "</p>\n");
  EXPECT_EQ(CommentTextToHtml("http://example.org\u00a0next"),
            "<p>" + Link("http://example.org") + "\u00a0next</p>\n");
}

TEST(CommentText, LinksAreCountedAsTheyAreMade) {
  EXPECT_EQ(CountCommentLinks("no links, javascript:x"), 0u);
  EXPECT_EQ(CountCommentLinks("http://a.org https://b.org\nhttp://c.org."), 3u);
  EXPECT_EQ(CountCommentLinks("http:// https://"), 0u);
}

}  // namespace
}  // namespace gazette::comments
