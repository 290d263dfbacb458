#include "gazette/feeds/xml_writer.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gazette::feeds {
namespace {

TEST(XmlEscape, EscapesMarkupAndQuotes) {
  EXPECT_EQ(XmlEscape("<b>\"Tom\" & Jerry</b>"), "&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;");
}

TEST(XmlEscape, DropsControlCharactersXmlForbids) {
  EXPECT_EQ(XmlEscape(std::string("a\0b\x01\x1f" "c", 6)), "abc");
  EXPECT_EQ(XmlEscape("tab\tline\ncr\r"), "tab\tline\ncr\r");
  EXPECT_EQ(XmlEscape("Łódź — ok"), "Łódź — ok");
}

TEST(XmlCdata, SplitsTheEndMarkerSoTextCannotCloseTheSection) {
  std::string out;
  AppendCdata("a]]>b", out);
  EXPECT_EQ(out, "<![CDATA[a]]]]><![CDATA[>b]]>");
  // Read back the way a parser does: every section's text concatenated gives the original.
  std::string text;
  std::size_t at = 0;
  while ((at = out.find("<![CDATA[", at)) != std::string::npos) {
    const std::size_t end = out.find("]]>", at);
    text += out.substr(at + 9, end - at - 9);
    at = end + 3;
  }
  EXPECT_EQ(text, "a]]>b");
}

TEST(XmlCdata, HandlesMarkersAtTheEdgesAndInARow) {
  std::string out;
  AppendCdata("]]>]]>", out);
  EXPECT_EQ(out, "<![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]>");
  out.clear();
  AppendCdata(std::string("]]\x01>", 4), out);
  EXPECT_EQ(out, "<![CDATA[]]]]><![CDATA[>]]>");
  out.clear();
  AppendCdata("", out);
  EXPECT_EQ(out, "<![CDATA[]]>");
}

TEST(XmlWriter, EscapesTextAndAttributes) {
  std::string out;
  XmlWriter xml(out);
  xml.Open("a", {{"href", "/x?a=1&b=\"2\""}});
  xml.Element("t", "1 < 2", {{"k", "<v>"}});
  xml.Empty("e", {{"x", "&"}});
  xml.Close("a");
  EXPECT_EQ(out,
            "<a href=\"/x?a=1&amp;b=&quot;2&quot;\">\n<t k=\"&lt;v&gt;\">1 &lt; 2</t>\n<e x=\"&amp;\"/>\n</a>\n");
}

}  // namespace
}  // namespace gazette::feeds
