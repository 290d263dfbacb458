#include "gazette/search/snippet_html.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gazette::search {
namespace {

std::string Marked(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '{') {
      out += kMatchOpen;
    } else if (c == '}') {
      out += kMatchClose;
    } else {
      out += c;
    }
  }
  return out;
}

TEST(SnippetHtml, MarksBecomeMarkElements) {
  EXPECT_EQ(SnippetHtml(Marked("the {council} met")), "the <mark>council</mark> met");
}

TEST(SnippetHtml, ArticleTextIsEscaped) {
  EXPECT_EQ(SnippetHtml(Marked("<script>alert('x')</script> & {\"q\"}")),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>&quot;q&quot;</mark>");
}

TEST(SnippetHtml, StrayMarksNeverUnbalanceTheMarkup) {
  EXPECT_EQ(SnippetHtml(Marked("a}b")), "ab");
  EXPECT_EQ(SnippetHtml(Marked("{a{b}")), "<mark>ab</mark>");
  EXPECT_EQ(SnippetHtml(Marked("{open")), "<mark>open</mark>");
}

TEST(SnippetHtml, MarkdownMarkupIsLeftOut) {
  EXPECT_EQ(SnippetHtml(Marked("## Plan\n**bold** and `code` see [the {report}](https://x.example/r)")),
            " Plan\nbold and code see the <mark>report</mark>");
}

TEST(SnippetHtml, AMatchInsideALinkAddressIsKept) {
  EXPECT_EQ(SnippetHtml(Marked("[x](https://{zurich}.example)")),
            "x(https://<mark>zurich</mark>.example)");
}

TEST(SnippetHtml, EmptyTextIsEmpty) {
  EXPECT_EQ(SnippetHtml(""), "");
}

}  // namespace
}  // namespace gazette::search
