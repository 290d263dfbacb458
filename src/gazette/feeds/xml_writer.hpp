#pragma once
/// XmlWriter: a small streaming writer for the XML we send (feeds, sitemaps). It escapes every text and
/// attribute value and drops the characters XML 1.0 forbids, so no content can break the document.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::feeds {

/// Appends text to out escaped for element content and double-quoted attributes (& < > " become
/// entities), leaving out the control characters XML 1.0 does not allow (all C0 but tab, LF and CR), which
/// a strict parser would reject. Other bytes are copied unchanged. Thread-safe.
void AppendXmlEscaped(std::string_view text, std::string& out);
std::string XmlEscape(std::string_view text);

/// Appends text as CDATA sections: each "]]>" inside is split across two sections ("]]" ends one, ">"
/// starts the next), so the text can never end the section early. Forbidden control characters are
/// dropped as in AppendXmlEscaped.
void AppendCdata(std::string_view text, std::string& out);

using XmlAttributes = std::vector<std::pair<std::string_view, std::string_view>>;

/// Writes into a caller's string, so a long document (a sitemap of 50,000 URLs) is built in one buffer.
/// Element and attribute names are the program's own (never input) and are written as given.
/// Not thread-safe; the string must outlive the writer.
class XmlWriter {
 public:
  explicit XmlWriter(std::string& out) : out_(out) {}

  /// <?xml version="1.0" encoding="UTF-8"?>
  void Declaration();
  void Open(std::string_view name, const XmlAttributes& attributes = {});
  void Close(std::string_view name);
  /// <name attributes>escaped text</name>
  void Element(std::string_view name, std::string_view text, const XmlAttributes& attributes = {});
  /// <name attributes/>
  void Empty(std::string_view name, const XmlAttributes& attributes);
  /// <name><![CDATA[text]]></name>, split as AppendCdata does.
  void CdataElement(std::string_view name, std::string_view text);

 private:
  void StartTag(std::string_view name, const XmlAttributes& attributes);
  std::string& out_;
};

}  // namespace gazette::feeds
