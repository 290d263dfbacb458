#pragma once
/// Partial inlining: replaces {{> name}} with the text of partials/name before a template is parsed, so
/// rendering never parses anything. (kainjow re-parses a partial's text every time the tag is rendered:
/// ten teasers on a page would mean ten parses per request.)

#include <cstddef>
#include <string>
#include <string_view>

#include "gazette/base/result.hpp"
#include "gazette/render/detail/theme_files.hpp"

namespace gazette::render::detail {

/// Bounds the work and memory of a theme whose partials include each other many times over.
inline constexpr std::size_t kMaxInlinedBytes = 8 * 1024 * 1024;

/// The source of template `name` with its partial tags replaced by the partials' inlined sources. A tag
/// stays in place, to be resolved when rendering, where inlining would change the meaning: a partial that
/// includes itself (directly or not), or a template or partial that sets other delimiters ({{=<% %>=}}).
/// kInvalid naming the file for a partial that no theme root provides, or when the result exceeds
/// kMaxInlinedBytes. Precondition: every file parses on its own (unclosed tags are left as they are).
Result<std::string> InlinePartials(std::string_view name, const TemplateFiles& files);

/// Where a partial tag's name is looked up: {{> teaser}} is "partials/teaser".
std::string PartialTemplateName(std::string_view tag_name);

}  // namespace gazette::render::detail
