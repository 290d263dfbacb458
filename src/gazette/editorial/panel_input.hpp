#pragma once
/// What the back office's panel forms send (the question and lead; one expert's contribution), and the
/// checks it must pass before anything is stored, each failure tied to the field it concerns.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gazette/editorial/article_input.hpp"

namespace gazette::editorial {

/// The panel form, as typed. Field names in FieldError are these member names.
struct PanelInput {
  std::string question;
  std::string lead;
};

/// One contribution's form, as typed. Field names in FieldError are these member names.
struct ContributionInput {
  std::string expert_name;
  std::string expert_role;
  std::string expert_organisation;
  std::string photo;  ///< a media library id in decimal, or empty for no photo
  std::string answer_markdown;
};

/// A contribution after the checks: trimmed, line ends normalised, the photo parsed.
struct CheckedContribution {
  std::string expert_name;
  std::string expert_role;
  std::string expert_organisation;
  std::optional<std::int64_t> photo_media_id;
  std::string answer_markdown;
};

/// Checks the panel form: the question is required, one line, at most domain::kMaxPanelQuestionCharacters;
/// the lead is optional, at most domain::kMaxPanelLeadCharacters, line breaks allowed; both valid UTF-8
/// without control characters. On success `out` holds the trimmed, normalised text.
std::vector<FieldError> CheckPanelInput(const PanelInput& input, PanelInput& out);

/// Checks a contribution's form: name required; name, role and organisation one line each, at most
/// domain::kMaxExpertFieldCharacters; the answer required, at most domain::kMaxAnswerCharacters, line
/// breaks and tabs allowed; all valid UTF-8 without other control characters; the photo empty or an id.
/// On success `out` holds the result (whether the photo exists is the store's to check).
std::vector<FieldError> CheckContributionInput(const ContributionInput& input, CheckedContribution& out);

}  // namespace gazette::editorial
