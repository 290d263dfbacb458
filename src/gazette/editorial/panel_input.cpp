#include "gazette/editorial/panel_input.hpp"

#include <fmt/format.h>

#include <charconv>
#include <string_view>

#include "gazette/base/utf8.hpp"
#include "gazette/domain/expert_panel.hpp"
#include "gazette/editorial/text_rules.hpp"

namespace gazette::editorial {
namespace {

/// Multi-line text (the lead, Markdown) may hold line breaks and tabs; line ends are LF once normalised.
constexpr std::string_view kMultiLineControls = "\n\t";
/// Bytes read before counting characters: four per character at most, so that a huge field is refused
/// without walking it.
constexpr std::size_t kBytesPerCharacter = 4;

/// The checks every field shares: size, encoding, control characters, then length in characters.
/// Returns the message, or empty when the text passes.
std::string TextProblem(std::string_view text, std::size_t max_characters, bool multi_line) {
  const std::string too_long = fmt::format("This is too long: at most {} characters.", max_characters);
  if (text.size() > max_characters * kBytesPerCharacter) return too_long;
  if (!IsValidUtf8(text)) return "This holds bytes that are not valid UTF-8 text; paste it again as plain text.";
  if (HasControlCharacter(text, multi_line ? kMultiLineControls : std::string_view{})) {
    return multi_line ? "This holds invisible control characters; remove them (paste as plain text)."
                      : "This must be one line without invisible control characters.";
  }
  if (CodePointCount(text) > max_characters) return too_long;
  return {};
}

/// Checks one field and, when it passes, stores it in out; records the problem otherwise.
void CheckField(std::string_view field, std::string_view typed, std::size_t max_characters, bool multi_line,
                bool required, std::string_view missing, std::string& out, std::vector<FieldError>& errors) {
  const std::string normalised = multi_line ? NormaliseLineEnds(typed) : std::string(typed);
  const std::string_view text = TrimAscii(normalised);
  std::string problem = TextProblem(text, max_characters, multi_line);
  if (problem.empty() && required && text.empty()) problem = std::string(missing);
  if (!problem.empty()) {
    errors.push_back({std::string(field), std::move(problem)});
    return;
  }
  out.assign(text);
}

}  // namespace

std::vector<FieldError> CheckPanelInput(const PanelInput& input, PanelInput& out) {
  std::vector<FieldError> errors;
  CheckField("question", input.question, domain::kMaxPanelQuestionCharacters, false, true,
             "Write the question the experts answer.", out.question, errors);
  CheckField("lead", input.lead, domain::kMaxPanelLeadCharacters, true, false, "", out.lead, errors);
  return errors;
}

std::vector<FieldError> CheckContributionInput(const ContributionInput& input, CheckedContribution& out) {
  std::vector<FieldError> errors;
  CheckField("expert_name", input.expert_name, domain::kMaxExpertFieldCharacters, false, true,
             "Give the expert's name.", out.expert_name, errors);
  CheckField("expert_role", input.expert_role, domain::kMaxExpertFieldCharacters, false, false, "",
             out.expert_role, errors);
  CheckField("expert_organisation", input.expert_organisation, domain::kMaxExpertFieldCharacters, false, false,
             "", out.expert_organisation, errors);
  CheckField("answer_markdown", input.answer_markdown, domain::kMaxAnswerCharacters, true, true,
             "Write the expert's answer.", out.answer_markdown, errors);
  const std::string_view photo = TrimAscii(input.photo);
  out.photo_media_id.reset();
  if (!photo.empty()) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(photo.data(), photo.data() + photo.size(), id);
    if (ec != std::errc() || end != photo.data() + photo.size() || id < 1) {
      errors.push_back({"photo", "Choose a photo from the media library."});
    } else {
      out.photo_media_id = id;
    }
  }
  return errors;
}

}  // namespace gazette::editorial
