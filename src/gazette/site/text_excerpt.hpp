#pragma once
/// Plain-text excerpts of our own rendered HTML, for meta descriptions and link titles.

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::site {

/// Search engines show about 160 characters of a description.
inline constexpr std::size_t kDescriptionChars = 160;

/// Drops tags, decodes the entities cmark produces (&amp; &lt; &gt; &quot; &#39; and numeric ones),
/// folds white space, and cuts at a word boundary to at most max_bytes (adding "…" when cut), never
/// inside a UTF-8 sequence. Input is HTML we rendered ourselves from Markdown.
std::string ExcerptFromHtml(std::string_view html, std::size_t max_bytes = kDescriptionChars);

}  // namespace gazette::site
