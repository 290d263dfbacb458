#pragma once
/// ArticleInput: what the editor's form sends, and the checks it must pass before anything is stored,
/// each failure worded for the person at the form and tied to the field it concerns.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/base/time_zone.hpp"

namespace gazette::editorial {

/// What happens to the article's publication when it is saved.
enum class PublishMode {
  kSaveDraft,        ///< a draft (a live article is taken down); a pending review request is kept
  kSubmitForReview,  ///< a draft, handed to the editors ("drafts waiting for review")
  kPublishNow,       ///< published now; an article already live keeps its original date
  kSchedule,         ///< appears by itself at publish_at_local (state 'scheduled')
  kKeepState,        ///< the text changes, the state and dates do not (a new article becomes a draft)
};

/// "draft", "review", "publish", "schedule", "keep" (what the form's buttons send). kInvalid otherwise.
Result<PublishMode> ParsePublishMode(std::string_view name);

/// The form's fields, as typed. Field names in FieldError are these member names.
struct ArticleInput {
  std::string title;
  std::string slug;     ///< empty: made from the title for a new article, kept for an existing one
  std::string country;  ///< empty, or two letters (ISO 3166-1 alpha-2); lower case is accepted
  std::int64_t category_id = 0;
  std::string tags;  ///< names separated by commas; new names become new tags
  std::int64_t author_id = 0;
  std::string intro_markdown;
  std::string body_markdown;
  std::optional<bool> featured;       ///< unset: as it is (not featured for a new article)
  std::optional<int> featured_order;  ///< unset: as it is (0 for a new article)
  bool comments_open = true;
  PublishMode mode = PublishMode::kSaveDraft;
  std::string publish_at_local;  ///< for kSchedule: "YYYY-MM-DDTHH:MM" in the site's time zone
  /// Unset: as it is (none for a new article); empty: never; else a local date and time as above.
  std::optional<std::string> unpublish_at_local;
};

struct FieldError {
  std::string field;    ///< an ArticleInput member name ("title", "publish_at_local", ...)
  std::string message;  ///< for people, shown beside the field
};

/// The input after the checks that need no database: normalised text and the parsed instants.
struct CheckedInput {
  std::string title;
  std::string slug;  ///< as typed (trimmed); empty when none was typed
  std::string country;
  std::int64_t category_id = 0;
  std::vector<std::string> tag_names;  ///< trimmed, no empties, no repeats (ignoring ASCII case)
  std::int64_t author_id = 0;
  std::string intro_markdown;  ///< line ends normalised to LF
  std::string body_markdown;
  std::optional<bool> featured;
  std::optional<int> featured_order;
  bool comments_open = true;
  PublishMode mode = PublishMode::kSaveDraft;
  std::optional<Timestamp> publish_at;                   ///< set for kSchedule
  std::optional<std::optional<Timestamp>> unpublish_at;  ///< unset: as it is; set to empty: never
};

// Limits on what one form may send, each with its reason.
/// Headlines: 300 characters is twice the longest a front page can show, and far below the store's bound.
inline constexpr std::size_t kMaxTitleCharacters = 300;
/// An intro is a paragraph or two shown in lists; 10 KB is many times that.
inline constexpr std::size_t kMaxIntroBytes = 10 * 1024;
/// A tag is a word or a short phrase.
inline constexpr std::size_t kMaxTagNameBytes = 100;
/// The whole tags field: the most tags, each at its longest, with separators.
inline constexpr std::size_t kMaxTagsFieldBytes = 6000;
/// The front page shows a handful of featured articles; the order only needs to rank them.
inline constexpr int kMaxFeaturedOrder = 1000;
/// The local date-time fields hold 16 to 19 characters; anything much longer is not one.
inline constexpr std::size_t kMaxDateTimeFieldBytes = 64;

/// Names from a comma-separated list: each trimmed and with runs of spaces made one, empty ones dropped,
/// later repeats (ignoring ASCII case) dropped. Does not check lengths.
std::vector<std::string> SplitTagNames(std::string_view field);

/// Runs every check that needs no database on input and collects one message per failing field (the
/// first problem found in it): sizes, UTF-8, control characters, title length, slug form, country
/// label, tags, featured order, and the schedule (parsed in zone; a schedule or an unpublish time must
/// be after now, and an unpublish time after the scheduled one). On success `out` holds the result.
std::vector<FieldError> CheckArticleInput(const ArticleInput& input, const TimeZone& zone, Timestamp now,
                                          CheckedInput& out);

}  // namespace gazette::editorial
