#pragma once
/// ArticleEditor: the back office's writing desk. Checks what an editor or author sends, decides what
/// they may do (domain::Can, domain::CanEditArticle), renders the Markdown once, and stores the article
/// with its revision, refusing a save made from a stale form. The /admin handlers sit on top of it.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/base/time_zone.hpp"
#include "gazette/domain/article.hpp"
#include "gazette/domain/user.hpp"
#include "gazette/editorial/article_input.hpp"
#include "gazette/storage/storage.hpp"

namespace gazette::editorial {

/// What a save did, or why nothing was saved.
struct EditOutcome {
  /// Non-empty: nothing was saved; show each message beside its field and keep what was typed.
  std::vector<FieldError> field_errors;
  std::int64_t id = 0;
  std::int64_t version = 0;  ///< what the next save from this form must name as expected_version
  domain::ArticleState state = domain::ArticleState::kDraft;

  bool saved() const { return field_errors.empty(); }
};

/// An article as the edit form shows it.
struct EditForm {
  ArticleInput input;  ///< every field filled from the stored article (mode kKeepState)
  std::int64_t id = 0;
  std::int64_t version = 0;
  domain::ArticleState state = domain::ArticleState::kDraft;
  bool review_requested = false;
  bool slug_locked = false;  ///< the article has been public, so its address no longer changes
  bool read_only = false;    ///< the user may look but not save (an author's article past the draft stage)
  std::string publish_at_local;  ///< its publication time in the site's zone, or empty
};

/// Bulk actions on the editors' list.
enum class BulkAction {
  kPublish,      ///< published now (or at its earlier date, if it had one in the past)
  kArchive,      ///< withdrawn from the site, kept for the record
  kTrash,        ///< into the bin
  kBackToDraft,  ///< out of the bin, or off the site, as a draft
};
/// "publish", "archive", "trash", "draft". kInvalid otherwise.
Result<BulkAction> ParseBulkAction(std::string_view name);

/// Thread-safe when storage is (the service holds no mutable state).
class ArticleEditor {
 public:
  /// storage and clock must outlive the editor. site_zone reads and shows the times editors type.
  ArticleEditor(storage::Storage& storage, const Clock& clock, TimeZone site_zone);
  /// The same for a zone that may change while the server runs: site_zone is asked once per call (it must
  /// be thread-safe), so that a zone changed in the back office applies to the next form.
  ArticleEditor(storage::Storage& storage, const Clock& clock, std::function<TimeZone()> site_zone);

  /// A new article from input, written by user. kForbidden (with a message) when user may not write,
  /// writes as another author without kEditAnyArticle, or publishes, schedules or features without
  /// kPublish. A slug made from the title gets -2, -3 ... when taken; a typed slug that is taken is
  /// kConflict. Field errors come back in the outcome, with nothing stored.
  Result<EditOutcome> Create(ArticleInput input, const domain::User& user);

  /// Saves input over article id, if its stored version is still expected_version: kConflict otherwise,
  /// saying when it was changed (in the site's time), with nothing stored. kForbidden when user may not
  /// edit this article (an author: only their own drafts) or may not do what input asks (as for Create);
  /// kNotFound for an unknown id.
  Result<EditOutcome> Save(std::int64_t id, ArticleInput input, std::int64_t expected_version,
                           const domain::User& user);

  /// Brings back the text and settings of revision revision_id (title, slug unless it is locked,
  /// country, category, author, tags, Markdown, comments, and featuring for those who may feature) as a
  /// new version; the article's state and dates stay as they are, so restoring an old text does not take
  /// a live article down. Same refusals as Save; kNotFound when the revision is not one of article id's.
  Result<EditOutcome> Restore(std::int64_t id, std::int64_t revision_id, std::int64_t expected_version,
                              const domain::User& user);

  /// Applies action to every article in ids at once. kForbidden without kPublish; otherwise as
  /// ArticleStore::SetState. Returns how many articles changed.
  Result<std::int64_t> Transition(std::span<const std::int64_t> ids, BulkAction action,
                                  const domain::User& user);

  /// Article id as the edit form shows it. kForbidden when user may not edit it; kNotFound otherwise.
  Result<EditForm> FormFor(std::int64_t id, const domain::User& user);

 private:
  Result<EditOutcome> Write(const domain::Article* existing, ArticleInput input,
                            std::int64_t expected_version, const domain::User& user);
  std::string LocalTime(Timestamp t) const;

  storage::Storage& storage_;
  const Clock& clock_;
  std::function<TimeZone()> site_zone_;
};

}  // namespace gazette::editorial
