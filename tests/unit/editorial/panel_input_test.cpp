#include "gazette/editorial/panel_input.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "gazette/domain/expert_panel.hpp"

namespace gazette::editorial {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

ContributionInput ValidContribution() {
  ContributionInput input;
  input.expert_name = "  Ada Lovelace ";
  input.expert_role = "Chief Digital Officer";
  input.expert_organisation = "City of Tallinn";
  input.answer_markdown = "Start small.\r\n\r\n* Then\tgrow.\r\n";
  return input;
}

/// The fields that failed, in order.
std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> fields;
  for (const FieldError& e : errors) fields.push_back(e.field);
  return fields;
}

std::vector<std::string> ContributionProblems(const ContributionInput& input) {
  CheckedContribution out;
  return Fields(CheckContributionInput(input, out));
}

std::vector<std::string> PanelProblems(const PanelInput& input) {
  PanelInput out;
  return Fields(CheckPanelInput(input, out));
}

/// n characters of two bytes each, so that a limit in characters is not mistaken for one in bytes.
std::string Characters(std::size_t n) {
  std::string text;
  for (std::size_t i = 0; i < n; ++i) text += "\xc3\xa9";  // é
  return text;
}

TEST(PanelInput, AcceptsAQuestionAndLeadTrimmedWithLineEndsNormalised) {
  PanelInput out;
  EXPECT_THAT(CheckPanelInput({"  What now? ", "Line one\r\nline two\r\n"}, out), IsEmpty());
  EXPECT_EQ(out.question, "What now?");
  EXPECT_EQ(out.lead, "Line one\nline two");
}

TEST(PanelInput, TheQuestionIsRequiredAndTheLeadIsNot) {
  EXPECT_EQ(PanelProblems({"   ", ""}), std::vector<std::string>{"question"});
  EXPECT_THAT(PanelProblems({"Q?", ""}), IsEmpty());
}

TEST(PanelInput, LimitsAreInCharacters) {
  EXPECT_THAT(PanelProblems({Characters(domain::kMaxPanelQuestionCharacters), Characters(1000)}), IsEmpty());
  EXPECT_EQ(PanelProblems({Characters(domain::kMaxPanelQuestionCharacters + 1), ""}),
            std::vector<std::string>{"question"});
  EXPECT_EQ(PanelProblems({"Q?", Characters(domain::kMaxPanelLeadCharacters + 1)}),
            std::vector<std::string>{"lead"});
}

TEST(PanelInput, RefusesInvalidUtf8AndControlCharacters) {
  EXPECT_EQ(PanelProblems({"Bad \xff byte?", ""}), std::vector<std::string>{"question"});
  EXPECT_EQ(PanelProblems({"Two\nlines?", ""}), std::vector<std::string>{"question"});
  EXPECT_EQ(PanelProblems({"Q?", "Bell \x07"}), std::vector<std::string>{"lead"});
  EXPECT_EQ(PanelProblems({"Q?", "C1 \xc2\x85 line break"}), std::vector<std::string>{"lead"});
  PanelInput out;
  const auto errors = CheckPanelInput({"Bad \xc0\xaf", ""}, out);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].message, HasSubstr("UTF-8"));
}

TEST(ContributionInput, AcceptsAFullContribution) {
  CheckedContribution out;
  ContributionInput input = ValidContribution();
  input.photo = " 12 ";
  EXPECT_THAT(CheckContributionInput(input, out), IsEmpty());
  EXPECT_EQ(out.expert_name, "Ada Lovelace");
  EXPECT_EQ(out.expert_role, "Chief Digital Officer");
  EXPECT_EQ(out.expert_organisation, "City of Tallinn");
  EXPECT_EQ(out.photo_media_id, 12);
  EXPECT_EQ(out.answer_markdown, "Start small.\n\n* Then\tgrow.");
}

TEST(ContributionInput, NameAndAnswerAreRequired) {
  ContributionInput input = ValidContribution();
  input.expert_name = " ";
  input.answer_markdown = "\r\n";
  EXPECT_EQ(ContributionProblems(input), (std::vector<std::string>{"expert_name", "answer_markdown"}));
  input = ValidContribution();
  input.expert_role.clear();
  input.expert_organisation.clear();
  EXPECT_THAT(ContributionProblems(input), IsEmpty());
}

TEST(ContributionInput, EachFieldHasItsLimitInCharacters) {
  for (const auto& [field, member, limit] :
       {std::tuple{"expert_name", &ContributionInput::expert_name, domain::kMaxExpertFieldCharacters},
        std::tuple{"expert_role", &ContributionInput::expert_role, domain::kMaxExpertFieldCharacters},
        std::tuple{"expert_organisation", &ContributionInput::expert_organisation,
                   domain::kMaxExpertFieldCharacters},
        std::tuple{"answer_markdown", &ContributionInput::answer_markdown, domain::kMaxAnswerCharacters}}) {
    ContributionInput input = ValidContribution();
    input.*member = Characters(limit);
    EXPECT_THAT(ContributionProblems(input), IsEmpty()) << field;
    input.*member = Characters(limit + 1);
    EXPECT_EQ(ContributionProblems(input), std::vector<std::string>{field});
  }
}

TEST(ContributionInput, RefusesInvalidUtf8AndControlCharacters) {
  ContributionInput input = ValidContribution();
  input.expert_name = "Ada \xed\xa0\x80";  // a UTF-16 surrogate
  input.expert_role = "Role\twith tab";
  input.expert_organisation = "Org\x1b";
  input.answer_markdown = "Answer with a NUL ";
  input.answer_markdown += '\0';
  EXPECT_EQ(ContributionProblems(input), (std::vector<std::string>{"expert_name", "expert_role",
                                                                   "expert_organisation", "answer_markdown"}));
}

TEST(ContributionInput, ThePhotoIsEmptyOrALibraryId) {
  for (const char* bad : {"abc", "-1", "0", "12x", "../x.jpg", "99999999999999999999"}) {
    ContributionInput input = ValidContribution();
    input.photo = bad;
    EXPECT_EQ(ContributionProblems(input), std::vector<std::string>{"photo"}) << bad;
  }
  CheckedContribution out;
  EXPECT_THAT(CheckContributionInput(ValidContribution(), out), IsEmpty());
  EXPECT_FALSE(out.photo_media_id.has_value());
}

}  // namespace
}  // namespace gazette::editorial
