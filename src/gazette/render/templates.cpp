#include "gazette/render/templates.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gazette/base/html_escape.hpp"
#include "gazette/base/per_thread_copy.hpp"
#include "gazette/render/detail/partial_inliner.hpp"
#include "gazette/render/detail/theme_files.hpp"

namespace gazette::render {
namespace {

using Mustache = kainjow::mustache::mustache;

constexpr std::string_view kLayout = "layouts/default";
constexpr std::string_view kPagePrefix = "pages/";
constexpr std::string_view kContentKey = "content";
// Typical page sizes, so that appending to the output rarely reallocates.
constexpr std::size_t kPageReserve = 16 * 1024;
constexpr std::size_t kDocumentReserve = 32 * 1024;

// kainjow's own escaping writes ' as &apos;, which HTML4 does not know; ours writes &#39;.
std::string EscapeHtml(const std::string& text) {
  return HtmlEscape(text);
}

// kainjow writes output to a "stream" with <<: this one appends to a string, without iostreams.
struct StringSink {
  std::string* out;
  StringSink& operator<<(const std::string& text) {
    out->append(text);
    return *this;
  }
};

using PartialSources = std::unordered_map<std::string, View>;

// The stack of views a template is rendered against, innermost last. kainjow's stock context would do
// two things we do not want on every page:
// - it looks partials up in the view, so a view key named like a partial ("teaser") would replace it;
//   ours looks only in the theme (reached only for partials left to resolve at render time: recursive
//   ones, or around changed delimiters; the others were inlined at load);
// - it splits each dotted name ("author.name") with a string stream and pushes each section's view at
//   the front of a vector: together a large share of a page's rendering. Ours walks the name in place and
//   pushes at the back, with the same results.
class ThemeContext final : public kainjow::mustache::basic_context<std::string> {
 public:
  // site_wide, when not null, lies under view: found only for names view does not have.
  ThemeContext(const View* view, const View* site_wide, const PartialSources& partials) : partials_(partials) {
    stack_.reserve(kTypicalDepth);
    if (site_wide != nullptr) stack_.push_back(site_wide);
    stack_.push_back(view);
  }

  void push(const View* view) override { stack_.push_back(view); }
  void pop() override { stack_.pop_back(); }

  const View* get(const std::string& name) const override {
    if (name == ".") return stack_.back();
    if (name.find('.') == std::string::npos) {
      for (auto item = stack_.rbegin(); item != stack_.rend(); ++item) {
        if (const View* found = (*item)->get(name)) return found;
      }
      return nullptr;
    }
    for (auto item = stack_.rbegin(); item != stack_.rend(); ++item) {
      if (const View* found = Walk(**item, name)) return found;
    }
    return nullptr;
  }

  const View* get_partial(const std::string& name) const override {
    const auto found = partials_.find(name);
    return found == partials_.end() ? nullptr : &found->second;
  }

 private:
  // Sections nest a few levels deep in our themes (page, list, item, inner list).
  static constexpr std::size_t kTypicalDepth = 8;

  // Follows "a.b.c" from view, as kainjow does: the parts between dots, where a dot at the very end
  // ends the name without adding an empty part (that is how std::getline splits it).
  const View* Walk(const View& view, const std::string& name) const {
    const View* at = &view;
    std::size_t start = 0;
    while (at != nullptr && start < name.size()) {
      std::size_t dot = name.find('.', start);
      if (dot == std::string::npos) dot = name.size();
      part_.assign(name, start, dot - start);
      at = at->get(part_);
      start = dot + 1;
    }
    return at;
  }

  const PartialSources& partials_;
  std::vector<const View*> stack_;
  mutable std::string part_;  // reused for each part of a dotted name
};

// kainjow reports "... at <byte offset>"; people want a line and a column.
std::string WithLineAndColumn(const std::string& message, std::string_view source) {
  const std::size_t at = message.rfind(" at ");
  std::size_t offset = 0;
  const char* digits = message.data() + (at == std::string::npos ? message.size() : at + 4);
  const char* end = message.data() + message.size();
  const auto [ptr, ec] = std::from_chars(digits, end, offset);
  if (at == std::string::npos || ec != std::errc() || ptr != end || offset > source.size()) return message;
  const std::string_view before = source.substr(0, offset);
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_start = before.rfind('\n');
  const std::size_t column = offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return message.substr(0, at) + " at line " + std::to_string(line) + ", column " + std::to_string(column);
}

Result<Mustache> Parse(const std::string& source, const detail::TemplateFile& file) {
  Mustache parsed(source);
  if (!parsed.is_valid()) {
    return MakeError(ErrorCode::kInvalid,
                     file.path.string() + ": " + WithLineAndColumn(parsed.error_message(), file.source));
  }
  parsed.set_custom_escape(EscapeHtml);
  return parsed;
}

}  // namespace

struct Templates::Impl {
  using Parsed = std::unordered_map<std::string, Mustache>;

  Impl(std::shared_ptr<const Parsed> parsed_templates, PartialSources partial_sources)
      : parsed(std::move(parsed_templates)),
        partials(std::move(partial_sources)),
        copies([prototype = parsed] { return std::make_unique<Parsed>(*prototype); }) {}

  // Renders template `name` from this thread's copy. kainjow's render is not const (it records errors in
  // the template), hence a copy per thread instead of one shared object.
  Result<std::string> Render(const std::string& name, const View& view, const View* site_wide,
                             std::size_t reserve) const {
    Parsed& mine = copies.Get();
    const auto found = mine.find(name);
    if (found == mine.end()) return MakeError(ErrorCode::kNotFound, "no template " + name);
    std::string out;
    out.reserve(reserve);
    StringSink sink{&out};
    ThemeContext context(&view, site_wide, partials);
    found->second.render(context, sink);
    if (!found->second.is_valid()) {
      Error error =
          MakeError(ErrorCode::kInternal, "template " + name + ": " + found->second.error_message());
      found->second =
          parsed->at(name);  // an error sticks to a kainjow template: start again from a clean one
      return error;
    }
    return out;
  }

  std::shared_ptr<const Parsed> parsed;
  PartialSources partials;
  PerThreadCopy<Parsed> copies;
};

Templates::Templates() = default;
Templates::Templates(Templates&&) noexcept = default;
Templates& Templates::operator=(Templates&&) noexcept = default;
Templates::~Templates() = default;

Result<Templates> Templates::Load(const std::vector<std::filesystem::path>& theme_roots) {
  auto files = detail::ReadThemeTemplates(theme_roots);
  if (!files.ok()) return std::move(files).error();
  if (files->find(kLayout) == files->end()) {
    return MakeError(ErrorCode::kInvalid, "no templates/layouts/default.mustache in any theme folder");
  }

  // Each file must parse on its own first, so that an error names the file that holds it.
  for (const auto& [name, file] : *files) {
    if (auto parsed = Parse(file.source, file); !parsed.ok()) return std::move(parsed).error();
  }

  auto parsed = std::make_shared<Impl::Parsed>();
  PartialSources partials;
  for (const auto& [name, file] : *files) {
    auto inlined = detail::InlinePartials(name, *files);
    if (!inlined.ok()) return std::move(inlined).error();
    auto compiled = Parse(*inlined, file);
    if (!compiled.ok()) return std::move(compiled).error();
    parsed->emplace(name, std::move(compiled).value());
    constexpr std::string_view kPartialPrefix = "partials/";
    if (name.starts_with(kPartialPrefix))
      partials.emplace(name.substr(kPartialPrefix.size()), View(file.source));
  }

  Templates templates;
  templates.impl_ = std::make_unique<Impl>(std::move(parsed), std::move(partials));
  return templates;
}

Result<std::string> Templates::RenderPage(std::string_view page, View view, const View* site_wide) const {
  std::string name(kPagePrefix);
  name.append(page);
  auto content = impl_->Render(name, view, site_wide, kPageReserve);
  if (!content.ok()) {
    if (content.error().code == ErrorCode::kNotFound)
      return MakeError(ErrorCode::kNotFound, "no page " + std::string(page));
    return content;
  }
  Put(view, std::string(kContentKey), Text(std::move(content).value()));
  return impl_->Render(std::string(kLayout), view, site_wide, kDocumentReserve);
}

Result<std::string> Templates::RenderFragment(std::string_view name, const View& view) const {
  return impl_->Render(std::string(name), view, nullptr, kPageReserve);
}

}  // namespace gazette::render
