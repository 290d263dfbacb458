#include "gazette/feeds/xml_writer.hpp"

namespace gazette::feeds {
namespace {

/// XML 1.0 section 2.2: of the C0 controls only tab, line feed and carriage return are characters.
bool IsForbiddenControl(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

}  // namespace

void AppendXmlEscaped(std::string_view text, std::string& out) {
  out.reserve(out.size() + text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (!IsForbiddenControl(c)) out.push_back(c);
    }
  }
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  AppendXmlEscaped(text, out);
  return out;
}

void AppendCdata(std::string_view text, std::string& out) {
  out += "<![CDATA[";
  for (const char c : text) {
    if (IsForbiddenControl(c)) continue;
    // Looks at what was written, not at the input, so that a dropped control character between "]]" and
    // ">" cannot join them.
    if (c == '>' && out.ends_with("]]")) {
      // "]]" is already written: close here and carry the ">" into a new section.
      out += "]]><![CDATA[>";
      continue;
    }
    out.push_back(c);
  }
  out += "]]>";
}

void XmlWriter::Declaration() { out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlWriter::StartTag(std::string_view name, const XmlAttributes& attributes) {
  out_.push_back('<');
  out_ += name;
  for (const auto& [key, value] : attributes) {
    out_.push_back(' ');
    out_ += key;
    out_ += "=\"";
    AppendXmlEscaped(value, out_);
    out_.push_back('"');
  }
}

void XmlWriter::Open(std::string_view name, const XmlAttributes& attributes) {
  StartTag(name, attributes);
  out_ += ">\n";
}

void XmlWriter::Close(std::string_view name) {
  out_ += "</";
  out_ += name;
  out_ += ">\n";
}

void XmlWriter::Element(std::string_view name, std::string_view text, const XmlAttributes& attributes) {
  StartTag(name, attributes);
  out_.push_back('>');
  AppendXmlEscaped(text, out_);
  out_ += "</";
  out_ += name;
  out_ += ">\n";
}

void XmlWriter::Empty(std::string_view name, const XmlAttributes& attributes) {
  StartTag(name, attributes);
  out_ += "/>\n";
}

void XmlWriter::CdataElement(std::string_view name, std::string_view text) {
  StartTag(name, {});
  out_.push_back('>');
  AppendCdata(text, out_);
  out_ += "</";
  out_ += name;
  out_ += ">\n";
}

}  // namespace gazette::feeds
