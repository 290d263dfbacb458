#pragma once
/// HTML escaping for text placed in element content or in quoted attribute values: & < > " ' become
/// entities, so a value can close neither an element nor an attribute (single- or double-quoted).

#include <string>
#include <string_view>

namespace gazette {

/// Appends text to out with & < > " ' escaped (' as &#39;, which HTML4 and XML also understand).
/// Bytes are copied otherwise unchanged: validating UTF-8 is the input layer's job. Thread-safe.
void AppendHtmlEscaped(std::string_view text, std::string& out);

/// The escaped copy of text (see AppendHtmlEscaped).
std::string HtmlEscape(std::string_view text);

}  // namespace gazette
