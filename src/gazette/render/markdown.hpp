#pragma once
/// Markdown to HTML with cmark-gfm: CommonMark plus tables, autolinks and strikethrough. Safe mode: raw
/// HTML is dropped and javascript:/vbscript:/file:/data: links are emptied. Rendered on save, never per read.

#include <string>
#include <string_view>

namespace gazette::render {

/// Thread-safe. Invalid UTF-8 is replaced with U+FFFD by cmark. Input larger than kMaxMarkdownBytes is
/// the caller's to refuse.
std::string MarkdownToHtml(std::string_view markdown);

/// Largest Markdown source we render (an article body): 1 MiB is a long book chapter.
inline constexpr std::size_t kMaxMarkdownBytes = 1024 * 1024;

}  // namespace gazette::render
