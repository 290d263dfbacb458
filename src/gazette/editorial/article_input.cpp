#include "gazette/editorial/article_input.hpp"

#include <fmt/format.h>

#include "gazette/base/utf8.hpp"
#include "gazette/domain/article.hpp"
#include "gazette/domain/slug.hpp"
#include "gazette/editorial/local_date_time.hpp"
#include "gazette/editorial/text_rules.hpp"
#include "gazette/render/markdown.hpp"
#include "gazette/storage/article_store.hpp"

namespace gazette::editorial {
namespace {

char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Markdown is multi-line and may be indented with tabs; line ends are LF once normalised.
constexpr std::string_view kMarkdownControls = "\n\t";

bool EqualIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

/// The checks every text field shares: size first (so that the rest is bounded), then encoding and
/// control characters. Returns the message, or empty when the text passes.
std::string TextProblem(std::string_view text, std::size_t max_bytes, bool multi_line) {
  if (text.size() > max_bytes) {
    return max_bytes >= 1024 ? fmt::format("This is too long: at most {} KB.", max_bytes / 1024)
                             : fmt::format("This is too long: at most {} bytes.", max_bytes);
  }
  if (!IsValidUtf8(text))
    return "This holds bytes that are not valid UTF-8 text; paste it again as plain text.";
  if (HasControlCharacter(text, multi_line ? kMarkdownControls : std::string_view{})) {
    return multi_line ? "This holds invisible control characters; remove them (paste as plain text)."
                      : "This must be one line without invisible control characters.";
  }
  return {};
}

class Errors {
 public:
  explicit Errors(std::vector<FieldError>& out) : out_(out) {}
  /// Records message for field unless the field already has one (the first problem is the one to fix).
  void Add(std::string_view field, std::string message) {
    for (const FieldError& e : out_) {
      if (e.field == field) return;
    }
    out_.push_back({std::string(field), std::move(message)});
  }

 private:
  std::vector<FieldError>& out_;
};

void CheckTitle(const ArticleInput& input, Errors& errors, CheckedInput& out) {
  const std::string_view title = TrimAscii(input.title);
  if (title.size() > kMaxTitleCharacters * 4) {  // four bytes per character at most
    errors.Add("title",
               fmt::format("The title is too long; keep it to {} characters at most.", kMaxTitleCharacters));
    return;
  }
  if (std::string problem = TextProblem(title, kMaxTitleCharacters * 4, false); !problem.empty()) {
    errors.Add("title", std::move(problem));
    return;
  }
  out.title = std::string(title);
  const std::size_t characters = CodePointCount(out.title);
  if (characters == 0) {
    errors.Add("title", "Give the article a title.");
  } else if (characters > kMaxTitleCharacters) {
    errors.Add("title", fmt::format("The title is {} characters long; keep it to {} at most.", characters,
                                    kMaxTitleCharacters));
  }
}

void CheckSlug(const ArticleInput& input, Errors& errors, CheckedInput& out) {
  const std::string_view slug = TrimAscii(input.slug);
  if (slug.empty()) return;
  if (slug.size() > domain::kMaxSlugLength) {
    errors.Add("slug",
               fmt::format("The address is too long: at most {} characters.", domain::kMaxSlugLength));
  } else if (!domain::IsValidSlug(slug)) {
    errors.Add("slug",
               "Use only lower-case letters a-z, digits and single hyphens between them, "
               "e.g. council-goes-digital; or leave it empty to make it from the title.");
  } else {
    out.slug = std::string(slug);
  }
}

void CheckCountry(const ArticleInput& input, Errors& errors, CheckedInput& out) {
  std::string country(TrimAscii(input.country.substr(0, 16)));
  for (char& c : country) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (input.country.size() > 16 || !domain::IsValidCountryLabel(country)) {
    errors.Add("country", "Use a two-letter country code such as GB or DE, or leave it empty.");
    return;
  }
  out.country = std::move(country);
}

void CheckTags(const ArticleInput& input, Errors& errors, CheckedInput& out) {
  if (std::string problem = TextProblem(input.tags, kMaxTagsFieldBytes, false); !problem.empty()) {
    errors.Add("tags", std::move(problem));
    return;
  }
  out.tag_names = SplitTagNames(input.tags);
  if (out.tag_names.size() > storage::kMaxTagsPerArticle) {
    errors.Add("tags", fmt::format("An article may have at most {} tags; this one has {}.",
                                   storage::kMaxTagsPerArticle, out.tag_names.size()));
    return;
  }
  for (const std::string& name : out.tag_names) {
    if (name.size() > kMaxTagNameBytes) {
      errors.Add("tags", fmt::format("The tag \"{}...\" is too long: a tag is a word or a short phrase.",
                                     name.substr(0, 30)));
      return;
    }
  }
}

void CheckMarkdown(std::string_view field, const std::string& text, std::size_t max_bytes, Errors& errors,
                   std::string& out) {
  if (text.size() > max_bytes) {
    errors.Add(field, TextProblem(text, max_bytes, true));
    return;
  }
  std::string normalised = NormaliseLineEnds(text);
  if (std::string problem = TextProblem(normalised, max_bytes, true); !problem.empty()) {
    errors.Add(field, std::move(problem));
    return;
  }
  out = std::move(normalised);
}

/// A local date-time field: parsed, and required to lie after now.
std::optional<Timestamp> CheckInstant(std::string_view field, std::string_view text, const TimeZone& zone,
                                      Timestamp now, std::string_view past_message, Errors& errors) {
  if (text.size() > kMaxDateTimeFieldBytes) {
    errors.Add(field, "Give a date and time such as 2026-03-29 09:30.");
    return std::nullopt;
  }
  Result<Timestamp> at = ParseLocalDateTime(TrimAscii(text), zone);
  if (!at.ok()) {
    errors.Add(field, fmt::format("{}; give a date and time such as 2026-03-29 09:30.", at.error().message));
    return std::nullopt;
  }
  if (*at <= now) {
    errors.Add(field, std::string(past_message));
    return std::nullopt;
  }
  return *at;
}

void CheckSchedule(const ArticleInput& input, const TimeZone& zone, Timestamp now, Errors& errors,
                   CheckedInput& out) {
  if (input.mode == PublishMode::kSchedule) {
    if (TrimAscii(input.publish_at_local).empty()) {
      errors.Add("publish_at_local", "Give the date and time at which the article should appear.");
    } else {
      out.publish_at =
          CheckInstant("publish_at_local", input.publish_at_local, zone, now,
                       "This time has already passed; choose a later one, or publish now.", errors);
    }
  }
  if (!input.unpublish_at_local) return;
  if (TrimAscii(*input.unpublish_at_local).empty()) {
    out.unpublish_at = std::optional<Timestamp>{};
    return;
  }
  const std::optional<Timestamp> until =
      CheckInstant("unpublish_at_local", *input.unpublish_at_local, zone, now,
                   "This time has already passed; to take the article down now, archive it.", errors);
  if (!until) return;
  if (out.publish_at && *until <= *out.publish_at) {
    errors.Add("unpublish_at_local",
               "The article would be taken down before it appears; choose a time after "
               "its publication.");
    return;
  }
  out.unpublish_at = until;
}

}  // namespace

Result<PublishMode> ParsePublishMode(std::string_view name) {
  if (name == "draft") return PublishMode::kSaveDraft;
  if (name == "review") return PublishMode::kSubmitForReview;
  if (name == "publish") return PublishMode::kPublishNow;
  if (name == "schedule") return PublishMode::kSchedule;
  if (name == "keep") return PublishMode::kKeepState;
  return MakeError(ErrorCode::kInvalid, fmt::format("unknown way to save '{}'; use draft, review, publish, "
                                                    "schedule or keep",
                                                    name.substr(0, 40)));
}

std::vector<std::string> SplitTagNames(std::string_view field) {
  std::vector<std::string> names;
  while (true) {
    const std::size_t comma = field.find(',');
    const std::string_view part = field.substr(0, comma);
    std::string name;
    for (const char c : TrimAscii(part)) {
      const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (blank) {
        if (name.back() != ' ') name += ' ';  // never first: the part is trimmed
      } else {
        name += c;
      }
    }
    if (!name.empty()) {
      bool repeated = false;
      for (const std::string& seen : names) repeated = repeated || EqualIgnoringAsciiCase(seen, name);
      if (!repeated) names.push_back(std::move(name));
    }
    if (comma == std::string_view::npos) break;
    field.remove_prefix(comma + 1);
  }
  return names;
}

std::vector<FieldError> CheckArticleInput(const ArticleInput& input, const TimeZone& zone, Timestamp now,
                                          CheckedInput& out) {
  std::vector<FieldError> found;
  Errors errors(found);
  out = CheckedInput{};
  CheckTitle(input, errors, out);
  CheckSlug(input, errors, out);
  CheckCountry(input, errors, out);
  if (input.category_id <= 0) errors.Add("category_id", "Choose a category.");
  out.category_id = input.category_id;
  CheckTags(input, errors, out);
  if (input.author_id <= 0) errors.Add("author_id", "Choose an author.");
  out.author_id = input.author_id;
  CheckMarkdown("intro_markdown", input.intro_markdown, kMaxIntroBytes, errors, out.intro_markdown);
  CheckMarkdown("body_markdown", input.body_markdown, render::kMaxMarkdownBytes, errors, out.body_markdown);
  if (input.featured_order && (*input.featured_order < 0 || *input.featured_order > kMaxFeaturedOrder)) {
    errors.Add("featured_order",
               fmt::format("Use a number from 0 to {}; lower comes first.", kMaxFeaturedOrder));
  }
  out.featured = input.featured;
  out.featured_order = input.featured_order;
  out.comments_open = input.comments_open;
  out.mode = input.mode;
  CheckSchedule(input, zone, now, errors, out);
  return found;
}

}  // namespace gazette::editorial
