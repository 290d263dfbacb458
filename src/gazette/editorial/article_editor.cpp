#include "gazette/editorial/article_editor.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gazette/domain/slug.hpp"
#include "gazette/editorial/local_date_time.hpp"
#include "gazette/render/markdown.hpp"

namespace gazette::editorial {
namespace {

using domain::ArticleState;
using domain::Permission;

/// Suffixes tried after a slug made from the title is taken: "budget-2" ... "budget-20". Twenty
/// articles with one headline means the title needs changing, not a 21st suffix.
constexpr int kMaxSlugSuffix = 20;

std::string Suffixed(std::string_view base, int n) {
  const std::string suffix = fmt::format("-{}", n);
  std::string_view kept = base.substr(0, domain::kMaxSlugLength - suffix.size());
  while (!kept.empty() && kept.back() == '-') kept.remove_suffix(1);
  return std::string(kept) + suffix;
}

Error Forbidden(std::string message) {
  return MakeError(ErrorCode::kForbidden, std::move(message));
}

/// An article that readers may have seen keeps its address, so that links to it keep working.
bool SlugLocked(const domain::Article& article, Timestamp now) {
  return article.publish_at && *article.publish_at <= now;
}

std::string JoinTagNames(const std::vector<domain::TagRef>& tags) {
  std::string out;
  for (const domain::TagRef& tag : tags) {
    if (!out.empty()) out += ", ";
    out += tag.name;
  }
  return out;
}

/// Refusals that depend on who the user is and on the article as stored, before its input is read.
Status CheckMayEdit(const domain::User& user, const domain::Article* existing) {
  if (user.disabled) return Forbidden("Your account is disabled.");
  if (!domain::Can(user.role, Permission::kWriteOwnArticles) &&
      !domain::Can(user.role, Permission::kEditAnyArticle)) {
    return Forbidden("Your role does not allow writing articles.");
  }
  if (existing == nullptr) return OkStatus();
  if (!domain::CanEditArticle(user, existing->author_id)) {
    return Forbidden("You can only edit your own articles; this one belongs to another author.");
  }
  if (!domain::Can(user.role, Permission::kPublish) && existing->state != ArticleState::kDraft) {
    return Forbidden(fmt::format("This article is {} now; only an editor can change it.",
                                 domain::ArticleStateName(existing->state)));
  }
  return OkStatus();
}

/// Refusals that depend on what the input asks for.
Status CheckMayAsk(const domain::User& user, const domain::Article* existing, ArticleInput& input) {
  if (!domain::Can(user.role, Permission::kEditAnyArticle)) {
    if (!user.author_id) {
      return Forbidden("Your account has no author profile yet; ask an editor to link one before you write.");
    }
    if (input.author_id == 0) input.author_id = *user.author_id;  // an author writes as themself
    if (input.author_id != *user.author_id) {
      return Forbidden("You can only write as your own author profile.");
    }
  }
  if (domain::Can(user.role, Permission::kPublish)) return OkStatus();
  if (input.mode == PublishMode::kPublishNow || input.mode == PublishMode::kSchedule) {
    return Forbidden("Only editors can publish or schedule articles; submit it for review instead.");
  }
  const bool featured = existing != nullptr && existing->featured;
  const int featured_order = existing != nullptr ? existing->featured_order : 0;
  if ((input.featured && *input.featured != featured) ||
      (input.featured_order && *input.featured_order != featured_order)) {
    return Forbidden("Only editors can feature articles on the front page.");
  }
  const bool has_unpublish = existing != nullptr && existing->unpublish_at.has_value();
  if (input.unpublish_at_local && (!input.unpublish_at_local->empty() || has_unpublish)) {
    return Forbidden("Only editors can set when an article is taken down.");
  }
  return OkStatus();
}

/// State, dates and review flag for the chosen publish mode.
void ApplyMode(const CheckedInput& checked, const domain::Article* existing, Timestamp now,
               domain::Article& article) {
  const bool was_live =
      existing != nullptr && existing->publish_at && *existing->publish_at <= now &&
      (existing->state == ArticleState::kPublished || existing->state == ArticleState::kScheduled);
  switch (checked.mode) {
    case PublishMode::kSaveDraft:
      article.state = ArticleState::kDraft;
      break;
    case PublishMode::kSubmitForReview:
      article.state = ArticleState::kDraft;
      article.review_requested = true;
      break;
    case PublishMode::kPublishNow:
      article.state = ArticleState::kPublished;
      if (!was_live) article.publish_at = now;
      article.review_requested = false;
      break;
    case PublishMode::kSchedule:
      // Visibility is decided at read time, so the article appears by itself at publish_at.
      article.state = ArticleState::kScheduled;
      article.publish_at = checked.publish_at;
      article.review_requested = false;
      break;
    case PublishMode::kKeepState:
      if (existing == nullptr) article.state = ArticleState::kDraft;
      break;
  }
  if (checked.unpublish_at) article.unpublish_at = *checked.unpublish_at;
}

}  // namespace

Result<BulkAction> ParseBulkAction(std::string_view name) {
  if (name == "publish") return BulkAction::kPublish;
  if (name == "archive") return BulkAction::kArchive;
  if (name == "trash") return BulkAction::kTrash;
  if (name == "draft") return BulkAction::kBackToDraft;
  return MakeError(
      ErrorCode::kInvalid,
      fmt::format("unknown action '{}'; use publish, archive, trash or draft", name.substr(0, 40)));
}

ArticleEditor::ArticleEditor(storage::Storage& storage, const Clock& clock, TimeZone site_zone)
    : ArticleEditor(storage, clock, [zone = std::move(site_zone)] { return zone; }) {}

ArticleEditor::ArticleEditor(storage::Storage& storage, const Clock& clock, std::function<TimeZone()> site_zone)
    : storage_(storage), clock_(clock), site_zone_(std::move(site_zone)) {}

std::string ArticleEditor::LocalTime(Timestamp t) const {
  std::string text = FormatLocalDateTime(t, site_zone_());
  std::replace(text.begin(), text.end(), 'T', ' ');
  return text;
}

Result<EditOutcome> ArticleEditor::Create(ArticleInput input, const domain::User& user) {
  return Write(nullptr, std::move(input), 1, user);
}

Result<EditOutcome> ArticleEditor::Save(std::int64_t id, ArticleInput input, std::int64_t expected_version,
                                        const domain::User& user) {
  Result<domain::Article> existing = storage_.articles().FindById(id);
  if (!existing.ok()) return std::move(existing).error();
  return Write(&existing.value(), std::move(input), expected_version, user);
}

Result<EditOutcome> ArticleEditor::Restore(std::int64_t id, std::int64_t revision_id,
                                           std::int64_t expected_version, const domain::User& user) {
  Result<domain::ArticleRevision> revision = storage_.articles().FindRevision(revision_id);
  if (!revision.ok()) return std::move(revision).error();
  if (revision->summary.article_id != id) {
    return MakeError(ErrorCode::kNotFound, fmt::format("article {} has no revision {}", id, revision_id));
  }
  Result<domain::Article> existing = storage_.articles().FindById(id);
  if (!existing.ok()) return std::move(existing).error();

  ArticleInput input;
  input.title = revision->summary.title;
  input.slug = SlugLocked(*existing, clock_.Now()) ? existing->slug : revision->slug;
  input.country = revision->country;
  input.category_id = revision->category_id;
  input.tags = revision->tags;
  input.author_id = revision->author_id;
  input.intro_markdown = revision->intro_markdown;
  input.body_markdown = revision->body_markdown;
  if (domain::Can(user.role, Permission::kPublish)) {
    input.featured = revision->featured;
    input.featured_order = revision->featured_order;
  }
  input.comments_open = revision->comments_open;
  input.mode = PublishMode::kKeepState;
  return Write(&existing.value(), std::move(input), expected_version, user);
}

Result<EditOutcome> ArticleEditor::Write(const domain::Article* existing, ArticleInput input,
                                         std::int64_t expected_version, const domain::User& user) {
  const Timestamp now = clock_.Now();
  if (Status may = CheckMayEdit(user, existing); !may.ok()) return std::move(may).error();
  if (existing != nullptr && existing->version != expected_version) {
    return MakeError(ErrorCode::kConflict,
                     fmt::format("This article was changed by someone else at {} since you opened it; your "
                                 "text is kept below, copy it and reload.",
                                 LocalTime(existing->updated_at)));
  }
  if (Status may = CheckMayAsk(user, existing, input); !may.ok()) return std::move(may).error();

  EditOutcome outcome;
  CheckedInput checked;
  outcome.field_errors = CheckArticleInput(input, site_zone_(), now, checked);
  const auto has_error = [&](std::string_view field) {
    return std::any_of(outcome.field_errors.begin(), outcome.field_errors.end(),
                       [&](const FieldError& e) { return e.field == field; });
  };
  if (!has_error("category_id")) {
    Result<std::vector<domain::Category>> categories = storage_.catalog().ListCategories();
    if (!categories.ok()) return std::move(categories).error();
    if (std::none_of(categories->begin(), categories->end(),
                     [&](const domain::Category& c) { return c.id == checked.category_id; })) {
      outcome.field_errors.push_back({"category_id", "This category no longer exists; choose another."});
    }
  }
  if (!has_error("author_id")) {
    Result<domain::Author> author = storage_.catalog().FindAuthorById(checked.author_id);
    if (!author.ok() && author.error().code != ErrorCode::kNotFound) return std::move(author).error();
    if (!author.ok())
      outcome.field_errors.push_back({"author_id", "This author no longer exists; choose another."});
  }
  const bool generated_slug = checked.slug.empty() && existing == nullptr;
  std::string slug = checked.slug;
  if (slug.empty()) slug = existing != nullptr ? existing->slug : domain::MakeSlug(checked.title);
  if (existing != nullptr && slug != existing->slug && SlugLocked(*existing, now)) {
    outcome.field_errors.push_back(
        {"slug", fmt::format("This article has been published, so its address stays '{}': links to it must "
                             "keep working.",
                             existing->slug)});
  }
  if (!outcome.saved()) return outcome;

  domain::Article article = existing != nullptr ? *existing : domain::Article{};
  article.title = std::move(checked.title);
  article.slug = slug;
  article.country = std::move(checked.country);
  article.category_id = checked.category_id;
  article.author_id = checked.author_id;
  // Rendered once, here: readers get the stored HTML (DESIGN.md section 2).
  article.intro_html = render::MarkdownToHtml(checked.intro_markdown);
  article.body_html = render::MarkdownToHtml(checked.body_markdown);
  article.intro_markdown = std::move(checked.intro_markdown);
  article.body_markdown = std::move(checked.body_markdown);
  if (checked.featured) article.featured = *checked.featured;
  if (checked.featured_order) article.featured_order = *checked.featured_order;
  article.comments_open = checked.comments_open;
  ApplyMode(checked, existing, now, article);

  std::optional<std::int64_t> saved_by;
  if (user.id != 0) saved_by = user.id;
  bool slug_taken = false;
  bool writing_article = false;
  Status stored = storage_.InTransaction([&]() -> Status {
    Result<std::vector<std::int64_t>> tag_ids = storage_.catalog().FindOrCreateTags(checked.tag_names);
    if (!tag_ids.ok()) return std::move(tag_ids).error();
    article.tag_ids = std::move(tag_ids).value();
    writing_article = true;
    if (existing != nullptr) {
      Result<std::int64_t> version = storage_.articles().Update(article, expected_version, now, saved_by);
      if (!version.ok()) return std::move(version).error();
      outcome.id = article.id;
      outcome.version = *version;
      return OkStatus();
    }
    for (int n = 2;; ++n) {
      Result<std::int64_t> id = storage_.articles().Create(article, now, saved_by);
      if (id.ok()) {
        outcome.id = *id;
        outcome.version = 1;
        return OkStatus();
      }
      if (id.error().code != ErrorCode::kConflict) return std::move(id).error();
      if (!generated_slug || n > kMaxSlugSuffix) {
        slug_taken = true;
        return std::move(id).error();
      }
      article.slug = Suffixed(slug, n);
    }
  });
  if (!stored.ok()) {
    Error error = std::move(stored).error();
    if (error.code != ErrorCode::kConflict || !writing_article) return error;
    // A conflict is a taken slug, or someone saving between our read and our write: tell them apart by
    // whether the version moved.
    if (existing != nullptr && !slug_taken) {
      Result<domain::Article> now_stored = storage_.articles().FindById(existing->id);
      if (!now_stored.ok()) return std::move(now_stored).error();
      if (now_stored->version != expected_version) {
        return MakeError(ErrorCode::kConflict,
                         fmt::format("This article was changed by someone else at {} since you opened it; "
                                     "your text is kept below, copy it and reload.",
                                     LocalTime(now_stored->updated_at)));
      }
    }
    outcome.field_errors.push_back(
        {"slug", fmt::format("Another article already has the address '{}'; choose another.", article.slug)});
    return outcome;
  }
  outcome.state = article.state;
  return outcome;
}

Result<std::int64_t> ArticleEditor::Transition(std::span<const std::int64_t> ids, BulkAction action,
                                               const domain::User& user) {
  if (user.disabled) return Forbidden("Your account is disabled.");
  if (!domain::Can(user.role, Permission::kPublish)) {
    return Forbidden("Only editors can publish, archive or bin articles.");
  }
  ArticleState state = ArticleState::kPublished;
  switch (action) {
    case BulkAction::kPublish:
      state = ArticleState::kPublished;
      break;
    case BulkAction::kArchive:
      state = ArticleState::kArchived;
      break;
    case BulkAction::kTrash:
      state = ArticleState::kTrashed;
      break;
    case BulkAction::kBackToDraft:
      state = ArticleState::kDraft;
      break;
  }
  std::optional<std::int64_t> saved_by;
  if (user.id != 0) saved_by = user.id;
  return storage_.articles().SetState(ids, state, clock_.Now(), saved_by);
}

Result<EditForm> ArticleEditor::FormFor(std::int64_t id, const domain::User& user) {
  Result<domain::Article> article = storage_.articles().FindById(id);
  if (!article.ok()) return std::move(article).error();
  if (user.disabled || !domain::CanEditArticle(user, article->author_id)) {
    return Forbidden("You can only open your own articles; this one belongs to another author.");
  }
  Result<std::vector<domain::TagRef>> tags = storage_.articles().TagsOf(id);
  if (!tags.ok()) return std::move(tags).error();

  EditForm form;
  form.id = id;
  form.version = article->version;
  form.state = article->state;
  form.review_requested = article->review_requested;
  form.slug_locked = SlugLocked(*article, clock_.Now());
  form.read_only = !domain::Can(user.role, Permission::kPublish) && article->state != ArticleState::kDraft;
  const TimeZone zone = site_zone_();
  if (article->publish_at) form.publish_at_local = FormatLocalDateTime(*article->publish_at, zone);
  ArticleInput& input = form.input;
  input.title = article->title;
  input.slug = article->slug;
  input.country = article->country;
  input.category_id = article->category_id;
  input.tags = JoinTagNames(*tags);
  input.author_id = article->author_id;
  input.intro_markdown = article->intro_markdown;
  input.body_markdown = article->body_markdown;
  input.featured = article->featured;
  input.featured_order = article->featured_order;
  input.comments_open = article->comments_open;
  input.mode = PublishMode::kKeepState;
  input.publish_at_local = form.publish_at_local;
  input.unpublish_at_local =
      article->unpublish_at ? FormatLocalDateTime(*article->unpublish_at, zone) : std::string();
  return form;
}

}  // namespace gazette::editorial
