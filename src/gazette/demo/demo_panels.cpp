#include "gazette/demo/demo_panels.hpp"

#include <fmt/format.h>

#include <array>
#include <string>

#include "gazette/demo/random.hpp"
#include "gazette/demo/word_lists.hpp"
#include "gazette/render/markdown.hpp"

namespace gazette::demo {
namespace {

constexpr std::uint64_t kPanelStream = 9;

using sv = std::string_view;

/// Opening sentences of an answer: the expert's position in a line.
constexpr std::array<sv, 10> kOpenings{
    "Start with the people who use the service, not with the technology.",
    "The money is rarely the problem; the contracts that lock it up are.",
    "We learned the hard way that a pilot is not a plan.",
    "Shared platforms work when the rules behind them are shared too.",
    "Small councils can do this, but not alone.",
    "Measure what residents notice: time saved, forms abandoned, calls avoided.",
    "Data that nobody owns is data that nobody trusts.",
    "Do not buy a product before you can describe the problem in one sentence.",
    "The first year is about skills far more than about systems.",
    "Open standards are the cheapest insurance a public body can buy."};

/// The body of an answer: advice from practice.
constexpr std::array<sv, 16> kAdvice{
    "In our region we began with the three forms that generated the most phone calls, and rebuilt each one "
    "with the staff who answer those calls.",
    "Every contract we sign now has an exit plan and a clause that the data comes back in an open format.",
    "We publish what each service costs per transaction, which made the conversation with the finance "
    "committee much shorter.",
    "A joint procurement with four neighbouring municipalities cut our licence costs by about a third.",
    "Our rule is simple: no new system goes live until a resident has used it in front of the team.",
    "The teams that moved fastest were the ones allowed to stop doing something old before starting something "
    "new.",
    "We trained forty colleagues as product owners; most of them had never worked in IT.",
    "Security reviews happen every sprint now, not once at the end, and they find smaller problems sooner.",
    "We kept a paper route open for every service, and it is used by fewer people each year without being "
    "forced on anyone.",
    "The ministry's shared identity service saved us from building our own, which we could never have "
    "maintained.",
    "Our data catalogue names an owner for every dataset; questions get answered in days instead of months.",
    "Citizens rate each service after use, and the scores are on the intranet where every manager sees them.",
    "Moving to the cloud only saved money once we switched off the old servers, which took a year longer than "
    "planned.",
    "We share our code with other councils, and three of them now fix bugs that we would have fixed alone.",
    "The hardest conversation was about retiring a system that a single team had built and loved.",
    "Accessibility testing with disabled residents changed more of our designs than any expert review."};

/// Closing lines: what to do next.
constexpr std::array<sv, 8> kClosings{
    "My advice: pick one service, fix it properly, and tell everyone what you learned.",
    "Ask your neighbours first; someone has already solved half of your problem.",
    "Budget for the second year, not just the launch.",
    "Put a resident on the steering group and listen when they say no.",
    "Write down what you will switch off before you switch anything on.",
    "Share the failures as openly as the successes; they are worth more.",
    "Keep the team together after go-live; that is when the real work starts.",
    "Make the data open by default and closed only with a reason."};

/// "Expert round-up: how should Tallinn fund cloud hosting?" -> "How should Tallinn fund cloud hosting?"
std::string QuestionFrom(std::string_view title) {
  const std::size_t colon = title.find(": ");
  std::string question(colon == std::string_view::npos ? title : title.substr(colon + 2));
  if (!question.empty() && question[0] >= 'a' && question[0] <= 'z') question[0] = static_cast<char>(question[0] - 'a' + 'A');
  if (!question.empty() && question.back() != '?') question += '?';
  return question;
}

}  // namespace

Status AddDemoPanel(storage::Storage& storage, const PanelArticle& article, std::uint64_t seed) {
  const Vocabulary& v = DemoVocabulary();
  Random rng = Random::ForItem(seed, kPanelStream, article.index);
  const auto experts = static_cast<int>(rng.Between(3, 5));
  const std::string lead = fmt::format(
      "We put the question to {} practitioners from councils, ministries and suppliers. Read their advice, "
      "then share your own thoughts below.",
      experts);
  if (Status ok = storage.panels().SavePanel(article.id, QuestionFrom(article.title), lead, article.written);
      !ok.ok()) {
    return ok;
  }
  for (int e = 0; e < experts; ++e) {
    storage::ContributionFields fields;
    fields.expert_name = fmt::format("{} {}", rng.Pick(v.first_names), rng.Pick(v.last_names));
    fields.expert_role = std::string(rng.Pick(v.roles));
    fields.expert_organisation = std::string(rng.Pick(v.organisations));
    std::string& answer = fields.answer_markdown;
    answer = fmt::format("{} {}", rng.Pick(std::span<const sv>(kOpenings)), rng.Pick(std::span<const sv>(kAdvice)));
    answer += fmt::format("\n\n{}", rng.Pick(std::span<const sv>(kAdvice)));
    answer += fmt::format("\n\n**{}**\n", rng.Pick(std::span<const sv>(kClosings)));
    fields.answer_html = render::MarkdownToHtml(answer);
    auto added = storage.panels().AddContribution(article.id, fields, article.written);
    if (!added.ok()) return std::move(added).error();
  }
  return OkStatus();
}

}  // namespace gazette::demo
