#include "gazette/render/markdown.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace gazette::render {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(Markdown, RendersParagraphsAndEmphasis) {
  EXPECT_EQ(MarkdownToHtml("Hello *world*.\n\nSecond **one**."),
            "<p>Hello <em>world</em>.</p>\n<p>Second <strong>one</strong>.</p>\n");
}

TEST(Markdown, RendersHeadingsAndLists) {
  const std::string html = MarkdownToHtml("## Results\n\n- one\n- two\n\n1. first\n2. second\n");
  EXPECT_THAT(html, HasSubstr("<h2>Results</h2>"));
  EXPECT_THAT(html, HasSubstr("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"));
  EXPECT_THAT(html, HasSubstr("<ol>\n<li>first</li>\n<li>second</li>\n</ol>"));
}

TEST(Markdown, RendersTables) {
  const std::string html = MarkdownToHtml("| Country | Visits |\n|---|--:|\n| GB | 12 |\n");
  EXPECT_THAT(html, HasSubstr("<table>"));
  EXPECT_THAT(html, HasSubstr("<th>Country</th>"));
  EXPECT_THAT(html, HasSubstr("<td>GB</td>"));
  EXPECT_THAT(html, HasSubstr("<td align=\"right\">12</td>"));
}

TEST(Markdown, LinksBareUrls) {
  EXPECT_THAT(MarkdownToHtml("See https://example.org/report today."),
              HasSubstr("<a href=\"https://example.org/report\">https://example.org/report</a>"));
}

TEST(Markdown, RendersStrikethrough) {
  EXPECT_THAT(MarkdownToHtml("It was ~~late~~ on time."), HasSubstr("<del>late</del>"));
}

TEST(Markdown, KeepsQuotesStraight) {
  EXPECT_EQ(MarkdownToHtml("\"Quoted\" -- it's"), "<p>&quot;Quoted&quot; -- it's</p>\n");
}

TEST(Markdown, DropsRawHtmlBlocksAndInlineTags) {
  const std::string html =
      MarkdownToHtml("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and <b>bold</b>.\n");
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("onerror")));
  EXPECT_THAT(html, Not(HasSubstr("<b>")));
  EXPECT_THAT(html, HasSubstr("Text "));
}

TEST(Markdown, EmptiesUnsafeLinkSchemes) {
  const std::string html = MarkdownToHtml(
      "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](vbscript:msgbox) "
      "![i](data:text/html;base64,AAAA)");
  EXPECT_THAT(html, HasSubstr("<a href=\"\">x</a>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"\">y</a>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"\">z</a>"));
  EXPECT_THAT(html, HasSubstr("<img src=\"\" alt=\"i\" />"));
  EXPECT_THAT(html, Not(HasSubstr("javascript")));
}

TEST(Markdown, KeepsSafeLinks) {
  EXPECT_THAT(MarkdownToHtml("[report](https://example.org/a?b=1&c=2)"),
              HasSubstr("<a href=\"https://example.org/a?b=1&amp;c=2\">report</a>"));
}

TEST(Markdown, EscapesTextAndAttributeSpecials) {
  const std::string html = MarkdownToHtml("a < b & [l](/x \"t\\\"q\")");
  EXPECT_THAT(html, HasSubstr("a &lt; b &amp; "));
  EXPECT_THAT(html, HasSubstr("title=\"t&quot;q\""));
}

TEST(Markdown, ReplacesInvalidUtf8) {
  const std::string input = "bad \xff\xfe bytes \xc3";
  const std::string html = MarkdownToHtml(input);
  EXPECT_THAT(html, HasSubstr("bad \xEF\xBF\xBD"));
  EXPECT_THAT(html, Not(HasSubstr("\xff")));
}

TEST(Markdown, HandlesEmptyAndNulInput) {
  EXPECT_EQ(MarkdownToHtml(""), "");
  EXPECT_THAT(MarkdownToHtml(std::string_view("a\0b", 3)), HasSubstr("<p>a\xEF\xBF\xBD"
                                                                     "b</p>"));
}

TEST(Markdown, GivesTheSameResultFromManyThreads) {
  const std::string input = "| a | b |\n|---|---|\n| ~~x~~ | https://e.org |\n\n~~gone~~ www.example.org\n";
  const std::string expected = MarkdownToHtml(input);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 50; ++round) {
        const std::string html = MarkdownToHtml(input);
        if (html != expected) {
          results[i] = html;
          return;
        }
      }
      results[i] = expected;
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_EQ(r, expected);
}

}  // namespace
}  // namespace gazette::render
