#include "gazette/render/detail/partial_inliner.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace gazette::render::detail {
namespace {

// Tag syntax as kainjow reads it with the default delimiters: {{ ... }} and the unescaped {{{ ... }}};
// the tag's kind is the first character of its trimmed contents.
constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";
constexpr std::string_view kCloseUnescaped = "}}}";

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

struct Tag {
  std::size_t begin = 0;  ///< offset of the opening delimiter
  std::size_t end = 0;    ///< offset just past the closing delimiter
  bool unescaped = false;
  std::string_view contents;  ///< trimmed
};

// The next tag at or after pos, or nothing when there is none (or it is unclosed: left as text).
std::optional<Tag> NextTag(std::string_view source, std::size_t pos) {
  const std::size_t begin = source.find(kOpen, pos);
  if (begin == std::string_view::npos) return std::nullopt;
  Tag tag;
  tag.begin = begin;
  std::size_t contents_begin = begin + kOpen.size();
  tag.unescaped = contents_begin < source.size() && source[contents_begin] == '{';
  if (tag.unescaped) ++contents_begin;
  const std::string_view close = tag.unescaped ? kCloseUnescaped : kClose;
  const std::size_t close_at = source.find(close, contents_begin);
  if (close_at == std::string_view::npos) return std::nullopt;
  tag.end = close_at + close.size();
  tag.contents = Trim(source.substr(contents_begin, close_at - contents_begin));
  return tag;
}

bool IsPartial(const Tag& tag) {
  return !tag.unescaped && !tag.contents.empty() && tag.contents.front() == '>';
}
bool IsSetDelimiter(const Tag& tag) {
  return !tag.contents.empty() && tag.contents.front() == '=';
}

bool SetsDelimiters(std::string_view source) {
  for (auto tag = NextTag(source, 0); tag; tag = NextTag(source, tag->end)) {
    if (IsSetDelimiter(*tag)) return true;
  }
  return false;
}

class Inliner {
 public:
  explicit Inliner(const TemplateFiles& files) : files_(files) {}

  Status Append(const std::string& name, std::string& out) {
    const TemplateFile& file = files_.find(name)->second;
    const std::string_view source = file.source;
    // After {{=<% %>=}} our scan no longer sees the tags kainjow sees: render such a file as it is.
    if (SetsDelimiters(source)) return Emit(file, source, out);
    stack_.push_back(name);
    std::size_t pos = 0;
    for (auto tag = NextTag(source, 0); tag; tag = NextTag(source, tag->end)) {
      if (!IsPartial(*tag)) continue;
      const std::string partial = PartialTemplateName(Trim(tag->contents.substr(1)));
      const auto found = files_.find(partial);
      if (found == files_.end()) {
        return MakeError(ErrorCode::kInvalid, file.path.string() + ": unknown partial \"" +
                                                  std::string(Trim(tag->contents.substr(1))) +
                                                  "\" (no templates/" + partial + ".mustache in any theme)");
      }
      // Recursion (a nested category list) cannot be unrolled, and a partial that sets delimiters must
      // not leak them into its includer: both are resolved when rendering instead.
      if (std::find(stack_.begin(), stack_.end(), partial) != stack_.end() ||
          SetsDelimiters(found->second.source)) {
        continue;
      }
      if (Status s = Emit(file, source.substr(pos, tag->begin - pos), out); !s.ok()) return s;
      if (Status s = Append(partial, out); !s.ok()) return s;
      pos = tag->end;
    }
    stack_.pop_back();
    return Emit(file, source.substr(pos), out);
  }

 private:
  Status Emit(const TemplateFile& file, std::string_view text, std::string& out) const {
    if (out.size() + text.size() > kMaxInlinedBytes) {
      return MakeError(ErrorCode::kInvalid,
                       file.path.string() + ": the template with its partials included is larger than 8 MiB");
    }
    out.append(text);
    return OkStatus();
  }

  const TemplateFiles& files_;
  std::vector<std::string> stack_;  ///< templates being inlined, outermost first
};

}  // namespace

std::string PartialTemplateName(std::string_view tag_name) {
  return "partials/" + std::string(tag_name);
}

Result<std::string> InlinePartials(std::string_view name, const TemplateFiles& files) {
  const auto found = files.find(name);
  if (found == files.end()) return MakeError(ErrorCode::kNotFound, "no template " + std::string(name));
  std::string out;
  out.reserve(found->second.source.size());
  Inliner inliner(files);
  if (Status status = inliner.Append(found->first, out); !status.ok()) return std::move(status).error();
  return out;
}

}  // namespace gazette::render::detail
