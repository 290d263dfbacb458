// ArticleEditor over a real SQLite database in a temporary directory, with a clock that only moves when
// told to and the site in Europe/London.
#include "gazette/editorial/article_editor.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>

#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "support/temp_dir.hpp"

namespace gazette::editorial {
namespace {

using domain::ArticleState;
using domain::Role;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// 2026-03-28 12:00 UTC: the day before London's clocks go forward.
const Timestamp kStart = TimestampFromUnix(1774699200);
constexpr std::chrono::seconds kHour{3600};

class ArticleEditorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = storage::OpenSqliteStorage(dir_.path() / "gazette.db", storage::SqliteOpenMode::kCreate);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    storage_ = std::move(opened).value();
    category_ = *storage_->catalog().CreateCategory({0, std::nullopt, "news", "News", "", 0});
    ada_ = *storage_->catalog().CreateAuthor({0, "ada", "Ada", "", "", "", ""});
    bob_ = *storage_->catalog().CreateAuthor({0, "bob", "Bob", "", "", "", ""});
    editor_ = {1, "ed@example.org", "Ed", Role::kEditor, std::nullopt, false, kStart};
    author_ada_ = {2, "ada@example.org", "Ada", Role::kAuthor, ada_, false, kStart};
    author_bob_ = {3, "bob@example.org", "Bob", Role::kAuthor, bob_, false, kStart};
    editor_service_ = std::make_unique<ArticleEditor>(*storage_, clock_, *TimeZone::Load("Europe/London"));
  }

  ArticleEditor& editor() { return *editor_service_; }
  storage::ArticleStore& articles() { return storage_->articles(); }

  ArticleInput Input(const std::string& title, std::int64_t author) {
    ArticleInput input;
    input.title = title;
    input.category_id = category_;
    input.author_id = author;
    input.intro_markdown = "An *intro*.";
    input.body_markdown = "# Heading\n\nA body with a [link](https://example.org).";
    return input;
  }

  /// Creates and expects success; returns the outcome.
  EditOutcome Created(const ArticleInput& input, const domain::User& user) {
    auto outcome = editor().Create(input, user);
    EXPECT_TRUE(outcome.ok()) << outcome.error().message;
    if (!outcome.ok()) return {};
    EXPECT_TRUE(outcome->saved()) << (outcome->field_errors.empty() ? "" : outcome->field_errors[0].message);
    return *outcome;
  }

  domain::Article Stored(std::int64_t id) {
    auto a = articles().FindById(id);
    EXPECT_TRUE(a.ok());
    return a.ok() ? *a : domain::Article{};
  }

  std::int64_t ArticleCount() {
    storage::EditorArticleFilter all;
    return *articles().CountForEditors(all);
  }

  gazette::testing::TempDir dir_;
  std::unique_ptr<storage::Storage> storage_;
  ManualClock clock_{kStart};
  std::unique_ptr<ArticleEditor> editor_service_;
  std::int64_t category_ = 0;
  std::int64_t ada_ = 0;
  std::int64_t bob_ = 0;
  domain::User editor_;
  domain::User author_ada_;
  domain::User author_bob_;
};

TEST_F(ArticleEditorTest, CreateRendersMarkdownMakesTheSlugAndKeepsTheFirstRevision) {
  ArticleInput input = Input("Łódź council goes digital", ada_);
  input.tags = "open data, Cloud";
  input.country = "pl";
  const EditOutcome outcome = Created(input, editor_);
  EXPECT_EQ(outcome.version, 1);
  EXPECT_EQ(outcome.state, ArticleState::kDraft);

  const domain::Article a = Stored(outcome.id);
  EXPECT_EQ(a.slug, "lodz-council-goes-digital");
  EXPECT_EQ(a.country, "PL");
  EXPECT_EQ(a.state, ArticleState::kDraft);
  EXPECT_FALSE(a.publish_at.has_value());
  EXPECT_EQ(a.intro_html, "<p>An <em>intro</em>.</p>\n");
  EXPECT_THAT(a.body_html, HasSubstr("<h1>Heading</h1>"));
  EXPECT_THAT(a.body_html, HasSubstr("href=\"https://example.org\""));
  auto tags = articles().TagsOf(outcome.id);
  ASSERT_TRUE(tags.ok());
  ASSERT_EQ(tags->size(), 2U);
  EXPECT_EQ((*tags)[0].slug, "cloud");
  EXPECT_EQ((*tags)[1].name, "open data");
  auto revisions = articles().ListRevisions(outcome.id);
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 1U);
  EXPECT_EQ(revisions->front().saved_by, editor_.id);
}

TEST_F(ArticleEditorTest, ASlugMadeFromATakenTitleGetsANumber) {
  const EditOutcome first = Created(Input("Budget day", ada_), editor_);
  const EditOutcome second = Created(Input("Budget day", ada_), editor_);
  EXPECT_EQ(Stored(first.id).slug, "budget-day");
  EXPECT_EQ(Stored(second.id).slug, "budget-day-2");
}

TEST_F(ArticleEditorTest, ATypedSlugThatIsTakenIsAFieldErrorAndNothingIsStored) {
  Created(Input("Budget day", ada_), editor_);
  ArticleInput input = Input("Another budget story", ada_);
  input.slug = "budget-day";
  input.tags = "brand new tag";
  auto outcome = editor().Create(input, editor_);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  ASSERT_FALSE(outcome->saved());
  EXPECT_EQ(outcome->field_errors[0].field, "slug");
  EXPECT_THAT(outcome->field_errors[0].message, HasSubstr("'budget-day'"));
  EXPECT_EQ(ArticleCount(), 1);
  // The tag made for it went with the failed save.
  EXPECT_EQ(storage_->catalog().FindTagBySlug("brand-new-tag").error().code, ErrorCode::kNotFound);
}

TEST_F(ArticleEditorTest, InvalidInputComesBackPerFieldWithNothingStored) {
  ArticleInput input = Input("", ada_);
  input.country = "GBR";
  input.category_id = 4242;  // checked against the database only once the form itself is fine
  input.body_markdown = "bad \x01 byte";
  auto outcome = editor().Create(input, editor_);
  ASSERT_TRUE(outcome.ok());
  std::vector<std::string> fields;
  for (const auto& e : outcome->field_errors) fields.push_back(e.field);
  EXPECT_THAT(fields, ElementsAre("title", "country", "body_markdown", "category_id"));
  EXPECT_EQ(ArticleCount(), 0);
}

TEST_F(ArticleEditorTest, UnknownCategoryOrAuthorIsAFieldError) {
  ArticleInput input = Input("Fine title", 999);
  input.category_id = 888;
  auto outcome = editor().Create(input, editor_);
  ASSERT_TRUE(outcome.ok());
  ASSERT_EQ(outcome->field_errors.size(), 2U);
  EXPECT_EQ(outcome->field_errors[0].field, "category_id");
  EXPECT_EQ(outcome->field_errors[1].field, "author_id");
}

TEST_F(ArticleEditorTest, AnAuthorWritesDraftsAndSubmitsThemForReview) {
  ArticleInput input = Input("My first piece", 0);  // an author writes as themself
  const EditOutcome outcome = Created(input, author_ada_);
  EXPECT_EQ(Stored(outcome.id).author_id, ada_);

  input.mode = PublishMode::kSubmitForReview;
  auto submitted = editor().Save(outcome.id, input, 1, author_ada_);
  ASSERT_TRUE(submitted.ok()) << submitted.error().message;
  ASSERT_TRUE(submitted->saved());
  EXPECT_EQ(submitted->state, ArticleState::kDraft);
  const domain::Article a = Stored(outcome.id);
  EXPECT_EQ(a.state, ArticleState::kDraft);
  EXPECT_TRUE(a.review_requested);

  storage::EditorArticleFilter waiting;
  waiting.review_requested_only = true;
  auto rows = articles().ListForEditors(waiting, 0, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1U);
  EXPECT_EQ(rows->front().id, outcome.id);

  // Saving the draft again keeps the request; publishing clears it.
  input.mode = PublishMode::kSaveDraft;
  ASSERT_TRUE(editor().Save(outcome.id, input, 2, author_ada_)->saved());
  EXPECT_TRUE(Stored(outcome.id).review_requested);
  input.mode = PublishMode::kPublishNow;
  input.author_id = ada_;  // an editor says whose article it is
  ASSERT_TRUE(editor().Save(outcome.id, input, 3, editor_)->saved());
  EXPECT_FALSE(Stored(outcome.id).review_requested);
}

TEST_F(ArticleEditorTest, AnAuthorCannotPublishScheduleOrFeature) {
  ArticleInput input = Input("Eager author", ada_);
  for (const PublishMode mode : {PublishMode::kPublishNow, PublishMode::kSchedule}) {
    input.mode = mode;
    input.publish_at_local = "2026-04-01 09:00";
    auto refused = editor().Create(input, author_ada_);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
    EXPECT_THAT(refused.error().message, HasSubstr("Only editors can publish"));
  }
  input.mode = PublishMode::kSaveDraft;
  input.featured = true;
  auto featured = editor().Create(input, author_ada_);
  ASSERT_FALSE(featured.ok());
  EXPECT_EQ(featured.error().code, ErrorCode::kForbidden);
  EXPECT_THAT(featured.error().message, HasSubstr("feature"));
  input.featured.reset();
  input.unpublish_at_local = "2026-05-01 09:00";
  EXPECT_EQ(editor().Create(input, author_ada_).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(ArticleCount(), 0);

  const EditOutcome draft = Created(Input("Eager author", ada_), author_ada_);
  EXPECT_EQ(editor()
                .Transition(std::vector<std::int64_t>{draft.id}, BulkAction::kPublish, author_ada_)
                .error()
                .code,
            ErrorCode::kForbidden);
  EXPECT_EQ(Stored(draft.id).state, ArticleState::kDraft);
}

TEST_F(ArticleEditorTest, AnAuthorCannotTouchSomeoneElsesWork) {
  auto as_bob = editor().Create(Input("Signed as Bob", bob_), author_ada_);
  ASSERT_FALSE(as_bob.ok());
  EXPECT_EQ(as_bob.error().code, ErrorCode::kForbidden);
  EXPECT_THAT(as_bob.error().message, HasSubstr("your own author profile"));

  const EditOutcome bobs = Created(Input("Bob's draft", bob_), author_bob_);
  ArticleInput changed = Input("Ada rewrote it", bob_);
  auto refused = editor().Save(bobs.id, changed, 1, author_ada_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_THAT(refused.error().message, HasSubstr("your own articles"));
  EXPECT_EQ(editor().FormFor(bobs.id, author_ada_).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(Stored(bobs.id).title, "Bob's draft");

  // Nor hand their own draft over to another author.
  const EditOutcome adas = Created(Input("Ada's draft", ada_), author_ada_);
  EXPECT_EQ(editor().Save(adas.id, Input("Ada's draft", bob_), 1, author_ada_).error().code,
            ErrorCode::kForbidden);
}

TEST_F(ArticleEditorTest, AnAuthorCannotChangeTheirArticleOncePublished) {
  const EditOutcome draft = Created(Input("Ada's story", ada_), author_ada_);
  ArticleInput publish = Input("Ada's story", ada_);
  publish.mode = PublishMode::kPublishNow;
  ASSERT_TRUE(editor().Save(draft.id, publish, 1, editor_)->saved());
  auto refused = editor().Save(draft.id, Input("Ada's story, improved", ada_), 2, author_ada_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_THAT(refused.error().message, HasSubstr("published"));
  auto form = editor().FormFor(draft.id, author_ada_);
  ASSERT_TRUE(form.ok());
  EXPECT_TRUE(form->read_only);
}

TEST_F(ArticleEditorTest, UsersWithoutAProfileOrDisabledAreRefused) {
  domain::User no_profile = author_ada_;
  no_profile.author_id.reset();
  auto refused = editor().Create(Input("Anything", ada_), no_profile);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_THAT(refused.error().message, HasSubstr("no author profile"));
  domain::User disabled = editor_;
  disabled.disabled = true;
  EXPECT_EQ(editor().Create(Input("Anything", ada_), disabled).error().code, ErrorCode::kForbidden);
}

TEST_F(ArticleEditorTest, PublishNowDatesTheArticleOnceAndKeepsThatDateOnLaterSaves) {
  ArticleInput input = Input("Breaking", ada_);
  input.mode = PublishMode::kPublishNow;
  const EditOutcome outcome = Created(input, editor_);
  EXPECT_EQ(outcome.state, ArticleState::kPublished);
  EXPECT_EQ(Stored(outcome.id).publish_at, kStart);
  auto page = articles().FindVisibleBySlug("breaking", kStart);
  ASSERT_TRUE(page.ok());

  clock_.Advance(kHour * 5);
  input.title = "Breaking: update";
  auto saved = editor().Save(outcome.id, input, 1, editor_);
  ASSERT_TRUE(saved.ok() && saved->saved());
  EXPECT_EQ(Stored(outcome.id).publish_at, kStart);
  EXPECT_EQ(Stored(outcome.id).title, "Breaking: update");
}

TEST_F(ArticleEditorTest, AChangedSiteZoneAppliesToTheNextForm) {
  std::atomic<bool> tokyo{false};
  ArticleEditor live_editor(*storage_, clock_, [&tokyo] {
    return *TimeZone::Load(tokyo.load() ? "Asia/Tokyo" : "Europe/London");
  });
  ArticleInput input = Input("Zone change", ada_);
  input.mode = PublishMode::kSchedule;
  input.publish_at_local = "2026-04-01T09:00";  // BST: 08:00 UTC
  auto outcome = live_editor.Create(input, editor_);
  ASSERT_TRUE(outcome.ok() && outcome->saved());
  tokyo = true;
  auto form = live_editor.FormFor(outcome->id, editor_);
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->publish_at_local, "2026-04-01T17:00");
}

TEST_F(ArticleEditorTest, SchedulingAcrossTheSpringClockChangeUsesTheLocalTimeOfThatDay) {
  ArticleInput input = Input("Sunday papers", ada_);
  input.mode = PublishMode::kSchedule;
  input.publish_at_local = "2026-03-29T09:00";  // BST by then: 08:00 UTC
  const EditOutcome outcome = Created(input, editor_);
  EXPECT_EQ(outcome.state, ArticleState::kScheduled);
  const Timestamp expected = kStart + kHour * 20;  // 2026-03-29 08:00 UTC
  EXPECT_EQ(Stored(outcome.id).publish_at, expected);
  // It appears by itself: hidden a second before, visible at the instant.
  EXPECT_FALSE(articles().FindVisibleBySlug("sunday-papers", expected - std::chrono::seconds(1)).ok());
  EXPECT_TRUE(articles().FindVisibleBySlug("sunday-papers", expected).ok());
  auto form = editor().FormFor(outcome.id, editor_);
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->publish_at_local, "2026-03-29T09:00");

  // Before the change, the same clock time is an hour later in UTC.
  input.title = "Saturday papers";
  input.publish_at_local = "2026-03-28T21:00";  // GMT: 21:00 UTC
  const EditOutcome saturday = Created(input, editor_);
  EXPECT_EQ(Stored(saturday.id).publish_at, kStart + kHour * 9);
}

TEST_F(ArticleEditorTest, AStaleSaveIsRefusedInTheSiteTimeAndWritesNothing) {
  const EditOutcome outcome = Created(Input("Contested", ada_), editor_);
  clock_.Advance(kHour * 24 * 5);  // 2026-04-02 12:00 UTC = 13:00 BST
  ArticleInput first = Input("First editor's title", ada_);
  ASSERT_TRUE(editor().Save(outcome.id, first, 1, editor_)->saved());

  ArticleInput second = Input("Second editor's title", ada_);
  auto stale = editor().Save(outcome.id, second, 1, editor_);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().message,
            "This article was changed by someone else at 2026-04-02 13:00 since you opened it; your text is "
            "kept below, copy it and reload.");
  EXPECT_EQ(Stored(outcome.id).title, "First editor's title");
  EXPECT_EQ(Stored(outcome.id).version, 2);
}

TEST_F(ArticleEditorTest, TheSlugIsEditableUntilTheArticleHasBeenPublished) {
  ArticleInput input = Input("Early title", ada_);
  input.mode = PublishMode::kSchedule;
  input.publish_at_local = "2026-03-30 09:00";
  const EditOutcome outcome = Created(input, editor_);
  input.slug = "better-address";
  ASSERT_TRUE(editor().Save(outcome.id, input, 1, editor_)->saved());
  EXPECT_EQ(Stored(outcome.id).slug, "better-address");

  input.mode = PublishMode::kPublishNow;
  ASSERT_TRUE(editor().Save(outcome.id, input, 2, editor_)->saved());
  input.slug = "yet-another-address";
  auto locked = editor().Save(outcome.id, input, 3, editor_);
  ASSERT_TRUE(locked.ok());
  ASSERT_FALSE(locked->saved());
  EXPECT_EQ(locked->field_errors[0].field, "slug");
  EXPECT_THAT(locked->field_errors[0].message, HasSubstr("'better-address'"));
  // Left empty, it stays as it is.
  input.slug = "";
  input.title = "A new title does not move it";
  ASSERT_TRUE(editor().Save(outcome.id, input, 3, editor_)->saved());
  EXPECT_EQ(Stored(outcome.id).slug, "better-address");
}

TEST_F(ArticleEditorTest, RestoringARevisionBringsBackItsTextAndKeepsThePublication) {
  ArticleInput input = Input("Original title", ada_);
  input.tags = "vintage";
  input.body_markdown = "Original body";
  input.mode = PublishMode::kPublishNow;
  const EditOutcome outcome = Created(input, editor_);
  auto first_revision = articles().ListRevisions(outcome.id)->front().id;

  input.title = "Rewritten title";
  input.tags = "modern";
  input.body_markdown = "Rewritten body";
  ASSERT_TRUE(editor().Save(outcome.id, input, 1, editor_)->saved());
  // The old tag is deleted meanwhile: restoring makes it again by name.
  ASSERT_TRUE(storage_->catalog().DeleteTag(storage_->catalog().FindTagBySlug("vintage")->id).ok());

  auto restored = editor().Restore(outcome.id, first_revision, 2, editor_);
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  ASSERT_TRUE(restored->saved());
  EXPECT_EQ(restored->version, 3);
  const domain::Article a = Stored(outcome.id);
  EXPECT_EQ(a.title, "Original title");
  EXPECT_EQ(a.body_markdown, "Original body");
  EXPECT_EQ(a.body_html, "<p>Original body</p>\n");
  EXPECT_EQ(a.state, ArticleState::kPublished);
  EXPECT_EQ(a.publish_at, kStart);
  auto tags = articles().TagsOf(outcome.id);
  ASSERT_EQ(tags->size(), 1U);
  EXPECT_EQ(tags->front().name, "vintage");
  EXPECT_THAT(articles().ListRevisions(outcome.id)->size(), 3U);

  // A stale restore is refused like a stale save.
  EXPECT_EQ(editor().Restore(outcome.id, first_revision, 2, editor_).error().code, ErrorCode::kConflict);
}

TEST_F(ArticleEditorTest, RestoringARevisionOfAnotherArticleIsNotFound) {
  const EditOutcome one = Created(Input("One", ada_), editor_);
  const EditOutcome two = Created(Input("Two", ada_), editor_);
  const auto revision_of_two = articles().ListRevisions(two.id)->front().id;
  EXPECT_EQ(editor().Restore(one.id, revision_of_two, 1, editor_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(editor().Restore(one.id, 987654, 1, editor_).error().code, ErrorCode::kNotFound);
}

TEST_F(ArticleEditorTest, BulkTransitionsForEditors) {
  const EditOutcome a = Created(Input("A", ada_), editor_);
  const EditOutcome b = Created(Input("B", ada_), editor_);
  const std::vector<std::int64_t> both = {a.id, b.id};
  auto published = editor().Transition(both, BulkAction::kPublish, editor_);
  ASSERT_TRUE(published.ok()) << published.error().message;
  EXPECT_EQ(*published, 2);
  EXPECT_EQ(Stored(a.id).publish_at, kStart);
  ASSERT_TRUE(editor().Transition(both, BulkAction::kTrash, editor_).ok());
  EXPECT_EQ(Stored(b.id).state, ArticleState::kTrashed);
  ASSERT_TRUE(editor().Transition(std::vector<std::int64_t>{b.id}, BulkAction::kBackToDraft, editor_).ok());
  EXPECT_EQ(Stored(b.id).state, ArticleState::kDraft);
  EXPECT_EQ(articles().ListRevisions(b.id)->front().saved_by, editor_.id);
}

TEST_F(ArticleEditorTest, TheFormShowsTheStoredArticle) {
  ArticleInput input = Input("Form title", ada_);
  input.tags = "beta, alpha";
  input.country = "GB";
  input.comments_open = false;
  input.mode = PublishMode::kPublishNow;
  input.unpublish_at_local = "2026-04-30 18:00";
  const EditOutcome outcome = Created(input, editor_);
  auto form = editor().FormFor(outcome.id, editor_);
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->version, 1);
  EXPECT_EQ(form->state, ArticleState::kPublished);
  EXPECT_TRUE(form->slug_locked);
  EXPECT_FALSE(form->read_only);
  EXPECT_EQ(form->input.title, "Form title");
  EXPECT_EQ(form->input.slug, "form-title");
  EXPECT_EQ(form->input.tags, "alpha, beta");
  EXPECT_EQ(form->input.country, "GB");
  EXPECT_FALSE(form->input.comments_open);
  EXPECT_EQ(form->input.unpublish_at_local, "2026-04-30T18:00");
  EXPECT_EQ(form->publish_at_local, "2026-03-28T12:00");
  // Saving the form unchanged is a new version with the same content.
  auto again = editor().Save(outcome.id, form->input, form->version, editor_);
  ASSERT_TRUE(again.ok() && again->saved());
  const domain::Article stored = Stored(outcome.id);
  EXPECT_EQ(stored.version, 2);
  EXPECT_EQ(stored.unpublish_at, kStart + kHour * (24 * 33 + 5));  // 2026-04-30 17:00 UTC
  EXPECT_EQ(stored.state, ArticleState::kPublished);
  EXPECT_EQ(stored.publish_at, kStart);
  EXPECT_FALSE(stored.comments_open);
}

TEST(BulkActions, ParseTheListActionsOnly) {
  EXPECT_EQ(*ParseBulkAction("publish"), BulkAction::kPublish);
  EXPECT_EQ(*ParseBulkAction("archive"), BulkAction::kArchive);
  EXPECT_EQ(*ParseBulkAction("trash"), BulkAction::kTrash);
  EXPECT_EQ(*ParseBulkAction("draft"), BulkAction::kBackToDraft);
  EXPECT_EQ(ParseBulkAction("delete").error().code, ErrorCode::kInvalid);
}

}  // namespace
}  // namespace gazette::editorial
