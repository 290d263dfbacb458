#pragma once
/// ExpertPanel: an article that puts one question to several named experts. Each contribution is an
/// expert's answer under their name, role and organisation; its Markdown is rendered on save like an
/// article body. The readers' discussion below a panel is the article's, not the panel's.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gazette/domain/article.hpp"
#include "gazette/domain/media_item.hpp"

namespace gazette::domain {

// Limits on what a panel holds, each with its reason; the back office and the store check them.
/// A name, role or organisation fits one line of a byline.
inline constexpr std::size_t kMaxExpertFieldCharacters = 200;
/// A question is a headline-sized sentence.
inline constexpr std::size_t kMaxPanelQuestionCharacters = 300;
/// The lead is a short paragraph between the question and the answers.
inline constexpr std::size_t kMaxPanelLeadCharacters = 1000;
/// An answer is a few paragraphs; 20,000 characters is a long essay.
inline constexpr std::size_t kMaxAnswerCharacters = 20'000;
/// A page of more than 30 answers is no longer read; the bound also keeps the panel page one small query.
inline constexpr std::size_t kMaxContributions = 30;

/// One expert's answer, as stored.
struct PanelContribution {
  std::int64_t id = 0;
  int position = 0;  ///< 1 for the first answer shown, and so on
  std::string expert_name;
  std::string expert_role;          ///< "Chief Digital Officer"
  std::string expert_organisation;  ///< "City of Tallinn"
  /// The library image shown beside the answer; empty for none (or when the image was deleted).
  std::optional<MediaItem> photo;
  std::string answer_markdown;
  std::string answer_html;  ///< rendered from answer_markdown on save (safe mode)
};

/// A panel with its contributions in the order readers see them.
struct ExpertPanel {
  std::int64_t article_id = 0;
  std::string question;
  std::string lead;  ///< plain text, shown as a paragraph
  std::vector<PanelContribution> contributions;
};

/// What the front page shows of its featured panel: the article's teaser, the question and the first
/// answer (empty when the panel has none yet).
struct FeaturedPanel {
  ArticleSummary article;
  std::string question;
  std::string lead;
  std::optional<PanelContribution> first;
};

}  // namespace gazette::domain
