// The back office's article screens: the list with its filters, pages and bulk actions; the editor (create,
// save, refusals kept with what was typed, stale forms, the preview, tag suggestions, images); revisions,
// their differences and restoring one.
#include <gtest/gtest.h>

#include <string>

#include "gazette/domain/media_item.hpp"
#include "gazette/domain/user.hpp"
#include "integration/admin_client.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using domain::ArticleState;
using domain::Role;

constexpr const char* kPassword = "correct horse battery staple";

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// The id in a Location such as "/admin/articles/42?done=created"; 0 when there is none.
std::int64_t IdFromLocation(std::string_view location) {
  constexpr std::string_view kPrefix = "/admin/articles/";
  if (!location.starts_with(kPrefix)) return 0;
  location.remove_prefix(kPrefix.size());
  std::int64_t id = 0;
  for (const char c : location) {
    if (c < '0' || c > '9') break;
    id = id * 10 + (c - '0');
  }
  return id;
}

class AdminArticles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    RunningSiteOptions options;
    options.articles = 120;  // more than two pages of the list
    site_ = new RunningSite(options);
    site_->AddUser("editor@example.com", Role::kEditor, kPassword);
    site_->AddUser("author@example.com", Role::kAuthor, kPassword, 1);
    site_->AddUser("other@example.com", Role::kAuthor, kPassword, 2);
    auto categories = site_->storage().catalog().ListCategories();
    ASSERT_TRUE(categories.ok() && !categories->empty());
    category_ = std::to_string(categories->front().id);
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }

  AdminClient LoggedIn(const std::string& email) {
    AdminClient client(site_->port());
    const auto response = client.LogIn(email, kPassword);
    EXPECT_EQ(response.status, 303u) << response.body;
    return client;
  }

  /// The editor's form for a new article, filled in; extra fields replace or add to it.
  static FormFields ArticleFields(const std::string& title, const std::string& mode, FormFields extra = {}) {
    FormFields fields{{"title", title},
                      {"slug", ""},
                      {"country", "GB"},
                      {"category_id", category_},
                      {"tags", "budget, city"},
                      {"author_id", "1"},
                      {"intro_markdown", "An *intro*."},
                      {"body_markdown", "First line\nSecond line\n"},
                      {"comments_open", "1"},
                      {"mode", mode}};
    for (auto& [name, value] : extra) {
      bool replaced = false;
      for (auto& field : fields) {
        if (field.first == name) {
          field.second = value;
          replaced = true;
        }
      }
      if (!replaced) fields.emplace_back(name, value);
    }
    return fields;
  }

  /// Creates an article through the editor's form and returns its id.
  std::int64_t Create(AdminClient& client, const std::string& title, const std::string& mode = "draft",
                      FormFields extra = {}) {
    const auto response = client.Post("/admin/articles", ArticleFields(title, mode, std::move(extra)));
    EXPECT_EQ(response.status, 303u) << response.body.substr(0, 3000);
    return IdFromLocation(response.Header("Location"));
  }

  static domain::Article Stored(std::int64_t id) {
    auto article = site_->storage().articles().FindById(id);
    EXPECT_TRUE(article.ok());
    return article.ok() ? *article : domain::Article{};
  }

  static RunningSite* site_;
  static std::string category_;
};
RunningSite* AdminArticles::site_ = nullptr;
std::string AdminArticles::category_;

// ---- The list ----

TEST_F(AdminArticles, ListShowsEachArticleWithALinkToItsEditorAndFiltersByText) {
  auto editor = LoggedIn("editor@example.com");
  const std::int64_t id = Create(editor, "Zebra crossings return to the high street");
  const auto all = editor.Get("/admin/articles");
  ASSERT_EQ(all.status, 200u);
  EXPECT_TRUE(Contains(all.body, "<label for=\"filter-state\">State</label>"));
  const auto found =
      editor.Get("/admin/articles?q=zebra+crossings&state=draft&country=gb&category=" + category_);
  ASSERT_EQ(found.status, 200u);
  EXPECT_TRUE(Contains(found.body, "href=\"/admin/articles/" + std::to_string(id) + "\""));
  EXPECT_TRUE(Contains(found.body, "GB: Zebra crossings return to the high street"));
  EXPECT_TRUE(Contains(found.body, "<p class=\"list-total\">1 articles</p>"));
  EXPECT_TRUE(Contains(found.body, "state-draft"));
  const auto other_state = editor.Get("/admin/articles?q=zebra+crossings&state=published");
  EXPECT_TRUE(Contains(other_state.body, "<p class=\"list-total\">0 articles</p>"));
}

TEST_F(AdminArticles, ListPagesByFiftyAndPageLinksKeepTheFilters) {
  auto editor = LoggedIn("editor@example.com");
  const auto first = editor.Get("/admin/articles?sort=title");
  ASSERT_EQ(first.status, 200u);
  EXPECT_TRUE(Contains(first.body, "href=\"/admin/articles?sort=title&amp;page=2\""))
      << first.body.substr(0, 200);
  std::size_t rows = 0;
  for (std::size_t at = first.body.find("name=\"ids\""); at != std::string::npos;
       at = first.body.find("name=\"ids\"", at + 1)) {
    ++rows;
  }
  EXPECT_EQ(rows, 50u);
  const auto second = editor.Get("/admin/articles?sort=title&page=2");
  EXPECT_TRUE(Contains(second.body, "href=\"/admin/articles?sort=title\" rel=\"prev\""));
  // A page far past the end is an empty page, not an error.
  EXPECT_EQ(editor.Get("/admin/articles?page=99999999999999999999").status, 200u);
}

TEST_F(AdminArticles, ScheduledArticlesShowTheirTimeInTheSitesZone) {
  auto editor = LoggedIn("editor@example.com");
  Create(editor, "Harbour festival announced", "schedule", {{"publish_at_local", "2031-07-01T09:30"}});
  const auto list = editor.Get("/admin/articles?q=harbour+festival");
  EXPECT_TRUE(Contains(list.body, "state-scheduled"));
  EXPECT_TRUE(Contains(list.body, "for 2031-07-01 09:30")) << list.body;
}

TEST_F(AdminArticles, BulkPublishChangesTheSelectedArticlesAndReturnsToTheFilteredList) {
  auto editor = LoggedIn("editor@example.com");
  const std::int64_t a = Create(editor, "Bulk one");
  const std::int64_t b = Create(editor, "Bulk two");
  const std::int64_t untouched = Create(editor, "Bulk three");
  const auto response = editor.Post("/admin/articles/bulk", {{"ids", std::to_string(a)},
                                                             {"ids", std::to_string(b)},
                                                             {"action", "publish"},
                                                             {"state", "draft"},
                                                             {"q", "bulk"}});
  ASSERT_EQ(response.status, 303u) << response.body;
  EXPECT_EQ(response.Header("Location"), "/admin/articles?state=draft&q=bulk&done=bulk-done");
  EXPECT_EQ(Stored(a).state, ArticleState::kPublished);
  EXPECT_EQ(Stored(b).state, ArticleState::kPublished);
  EXPECT_EQ(Stored(untouched).state, ArticleState::kDraft);
  EXPECT_TRUE(Contains(editor.Get(std::string(response.Header("Location"))).body,
                       "The selected articles are updated."));
  EXPECT_EQ(editor.Post("/admin/articles/bulk", {{"ids", std::to_string(a)}, {"action", "trash"}}).status,
            303u);
  EXPECT_EQ(Stored(a).state, ArticleState::kTrashed);
}

TEST_F(AdminArticles, PublishingAndDeletingAreInTheAuditLogWithWhoDidIt) {
  auto editor = LoggedIn("editor@example.com");
  const std::int64_t id = Create(editor, "Audited article", "publish");
  ASSERT_EQ(editor.Post("/admin/articles/bulk", {{"ids", std::to_string(id)}, {"action", "trash"}}).status, 303u);

  auto entries = site_->storage().accounts().ListAudit(0, 50);
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  const std::string target = "article " + std::to_string(id);
  std::vector<std::string> actions;
  for (const auto& entry : *entries) {
    if (entry.target != target) continue;
    actions.push_back(entry.action);
    EXPECT_TRUE(entry.user_id.has_value());
    EXPECT_EQ(entry.ip, "127.0.0.1");
  }
  // Newest first.
  EXPECT_EQ(actions, (std::vector<std::string>{"article.deleted", "article.published"}));
}

TEST_F(AdminArticles, BulkWithNothingSelectedChangesNothing) {
  auto editor = LoggedIn("editor@example.com");
  const auto response = editor.Post("/admin/articles/bulk", {{"action", "archive"}, {"sort", "title"}});
  ASSERT_EQ(response.status, 303u);
  EXPECT_EQ(response.Header("Location"), "/admin/articles?sort=title&done=nothing-selected");
}

TEST_F(AdminArticles, BulkWithBogusIdsOrActionIsRefusedAndChangesNothing) {
  auto editor = LoggedIn("editor@example.com");
  const std::int64_t id = Create(editor, "Bulk bogus");
  EXPECT_EQ(
      editor
          .Post("/admin/articles/bulk", {{"ids", std::to_string(id)}, {"ids", "abc"}, {"action", "publish"}})
          .status,
      400u);
  EXPECT_EQ(
      editor.Post("/admin/articles/bulk", {{"ids", std::to_string(id)}, {"ids", "-3"}, {"action", "publish"}})
          .status,
      400u);
  EXPECT_EQ(editor
                .Post("/admin/articles/bulk",
                      {{"ids", std::to_string(id)}, {"ids", "987654321"}, {"action", "publish"}})
                .status,
            404u);
  EXPECT_EQ(editor.Post("/admin/articles/bulk", {{"ids", std::to_string(id)}, {"action", "explode"}}).status,
            400u);
  EXPECT_EQ(Stored(id).state, ArticleState::kDraft);
}

TEST_F(AdminArticles, AuthorsListTheirOwnArticlesWithoutTheBulkFormAndCannotBulkPublish) {
  auto author = LoggedIn("author@example.com");
  auto other = LoggedIn("other@example.com");
  const std::int64_t mine = Create(author, "Mine only", "draft", {{"author_id", ""}});
  const std::int64_t theirs = Create(other, "Theirs only", "draft", {{"author_id", ""}});
  const auto list = author.Get("/admin/articles?q=only");
  ASSERT_EQ(list.status, 200u);
  EXPECT_TRUE(Contains(list.body, "Mine only"));
  EXPECT_FALSE(Contains(list.body, "Theirs only"));
  EXPECT_FALSE(Contains(list.body, "action=\"/admin/articles/bulk\"") &&
               Contains(list.body, "name=\"action\""));
  EXPECT_FALSE(Contains(list.body, "name=\"ids\""));
  // Asking for another author's articles in the address does not widen the list.
  EXPECT_FALSE(Contains(author.Get("/admin/articles?q=only&author=2").body, "Theirs only"));
  const auto bulk =
      author.Post("/admin/articles/bulk", {{"ids", std::to_string(mine)}, {"action", "publish"}});
  EXPECT_EQ(bulk.status, 403u);
  EXPECT_EQ(author.Post("/admin/articles/bulk", {{"action", "publish"}}).status, 403u);
  EXPECT_EQ(Stored(mine).state, ArticleState::kDraft);
  EXPECT_EQ(Stored(theirs).state, ArticleState::kDraft);
}

// ---- The editor ----

TEST_F(AdminArticles, NewArticleFormLabelsEveryControl) {
  auto editor = LoggedIn("editor@example.com");
  const auto form = editor.Get("/admin/articles/new");
  ASSERT_EQ(form.status, 200u);
  for (const std::string label :
       {">Title</label>", ">Slug</label>", ">Country label</label>", ">Category</label>", ">Tags</label>",
        ">Author</label>", ">Intro</label>", ">Body</label>", ">Featured</label>", ">Featured order</label>",
        ">Comments open</label>", ">Publish at</label>", ">Unpublish at</label>", ">Save draft</button>",
        ">Submit for review</button>", ">Publish now</button>", ">Schedule</button>", ">Preview</button>"}) {
    EXPECT_TRUE(Contains(form.body, label)) << label;
  }
  EXPECT_TRUE(Contains(form.body, "/admin/assets/js/article-editor."));
  // Authors write as themselves and cannot feature or publish.
  auto author = LoggedIn("author@example.com");
  const auto theirs = author.Get("/admin/articles/new");
  EXPECT_FALSE(Contains(theirs.body, ">Author</label>"));
  EXPECT_FALSE(Contains(theirs.body, ">Featured</label>"));
  EXPECT_FALSE(Contains(theirs.body, ">Publish now</button>"));
  EXPECT_TRUE(Contains(theirs.body, ">Submit for review</button>"));
}

TEST_F(AdminArticles, CreatingThenSavingKeepsTheTextAndRaisesTheVersion) {
  auto editor = LoggedIn("editor@example.com");
  const auto created = editor.Post("/admin/articles", ArticleFields("Council sets the budget", "draft"));
  ASSERT_EQ(created.status, 303u);
  const std::int64_t id = IdFromLocation(created.Header("Location"));
  EXPECT_EQ(created.Header("Location"), "/admin/articles/" + std::to_string(id) + "?done=created");
  const auto form = editor.Get("/admin/articles/" + std::to_string(id) + "?done=created");
  ASSERT_EQ(form.status, 200u);
  EXPECT_TRUE(Contains(form.body, "Created."));
  EXPECT_TRUE(Contains(form.body, "value=\"Council sets the budget\""));
  EXPECT_TRUE(Contains(form.body, "budget, city"));
  EXPECT_EQ(HiddenInput(form.body, "version"), "1");

  const auto saved =
      editor.Post("/admin/articles/" + std::to_string(id),
                  ArticleFields("Council sets the budget for 2027", "publish",
                                {{"version", "1"}, {"featured", "1"}, {"featured_order", "3"}}));
  ASSERT_EQ(saved.status, 303u) << saved.body.substr(0, 3000);
  EXPECT_EQ(saved.Header("Location"), "/admin/articles/" + std::to_string(id) + "?done=published");
  const domain::Article article = Stored(id);
  EXPECT_EQ(article.title, "Council sets the budget for 2027");
  EXPECT_EQ(article.state, ArticleState::kPublished);
  EXPECT_TRUE(article.featured);
  EXPECT_EQ(article.featured_order, 3);
  EXPECT_EQ(article.version, 2);
  EXPECT_EQ(article.intro_html, "<p>An <em>intro</em>.</p>\n");
}

TEST_F(AdminArticles, UnknownOrNonNumericIdsAreNotFound) {
  auto editor = LoggedIn("editor@example.com");
  for (const std::string path :
       {"/admin/articles/987654321", "/admin/articles/12abc", "/admin/articles/-1", "/admin/articles/0",
        "/admin/articles/99999999999999999999", "/admin/articles/987654321/revisions",
        "/admin/articles/x/revisions", "/admin/articles/987654321/revisions/diff?from=1&to=2"}) {
    EXPECT_EQ(editor.Get(path).status, 404u) << path;
  }
  EXPECT_EQ(
      editor.Post("/admin/articles/987654321", ArticleFields("Ghost", "draft", {{"version", "1"}})).status,
      404u);
  EXPECT_EQ(editor.Post("/admin/articles/abc", ArticleFields("Ghost", "draft", {{"version", "1"}})).status,
            404u);
  EXPECT_EQ(editor.Post("/admin/articles/987654321/revisions/1/restore", {{"version", "1"}}).status, 404u);
  EXPECT_EQ(editor.Post("/admin/articles/1/revisions/zz/restore", {{"version", "1"}}).status, 404u);
}

TEST_F(AdminArticles, NonNumericVersionIsRefusedWithTheTextKept) {
  auto editor = LoggedIn("editor@example.com");
  const std::int64_t id = Create(editor, "Version check");
  const auto response =
      editor.Post("/admin/articles/" + std::to_string(id),
                  ArticleFields("Version check, typed again", "draft", {{"version", "two"}}));
  EXPECT_EQ(response.status, 400u);
  EXPECT_TRUE(Contains(response.body, "its version is missing"));
  EXPECT_TRUE(Contains(response.body, "value=\"Version check, typed again\""));
  EXPECT_EQ(Stored(id).title, "Version check");
}

TEST_F(AdminArticles, StaleVersionIsAConflictThatOverwritesNothing) {
  auto editor = LoggedIn("editor@example.com");
  const std::int64_t id = Create(editor, "Shared story");
  const std::string path = "/admin/articles/" + std::to_string(id);
  ASSERT_EQ(
      editor.Post(path, ArticleFields("Shared story, first editor", "draft", {{"version", "1"}})).status,
      303u);
  const auto late =
      editor.Post(path, ArticleFields("Shared story, second editor", "draft",
                                      {{"version", "1"}, {"body_markdown", "My careful paragraph"}}));
  EXPECT_EQ(late.status, 409u);
  EXPECT_TRUE(Contains(late.body, "changed by someone else")) << late.body.substr(0, 3000);
  EXPECT_TRUE(Contains(late.body, "copy it and reload"));
  EXPECT_TRUE(Contains(late.body, "My careful paragraph"));
  EXPECT_TRUE(Contains(late.body, "value=\"Shared story, second editor\""));
  // The form keeps the version it started from, so sending it again is refused again.
  EXPECT_EQ(HiddenInput(late.body, "version"), "1");
  EXPECT_EQ(Stored(id).title, "Shared story, first editor");
}

TEST_F(AdminArticles, OverlongTitleIsRefusedBesideTheFieldWithEverythingKept) {
  auto editor = LoggedIn("editor@example.com");
  const std::string title(301, 'T');
  const auto response =
      editor.Post("/admin/articles", ArticleFields(title, "draft", {{"body_markdown", "Body to keep"}}));
  EXPECT_EQ(response.status, 400u);
  EXPECT_TRUE(Contains(response.body, "id=\"title-problem\""));
  EXPECT_TRUE(Contains(response.body, "value=\"" + title + "\""));
  EXPECT_TRUE(Contains(response.body, "Body to keep"));
  EXPECT_TRUE(Contains(response.body, "budget, city"));
}

TEST_F(AdminArticles, UnreadableNumbersAndAMissingButtonAreRefusedBesideTheirFields) {
  auto editor = LoggedIn("editor@example.com");
  EXPECT_EQ(
      editor.Post("/admin/articles", ArticleFields("Numbers", "draft", {{"category_id", "many"}})).status,
      400u);
  EXPECT_EQ(
      editor.Post("/admin/articles", ArticleFields("Numbers", "draft", {{"featured_order", "1e3"}})).status,
      400u);
  const auto no_button = editor.Post("/admin/articles", ArticleFields("Numbers", "launch"));
  EXPECT_EQ(no_button.status, 400u);
  EXPECT_TRUE(Contains(no_button.body, "Choose what to do with the article"));
}

TEST_F(AdminArticles, SlugOfAPublishedArticleCannotChange) {
  auto editor = LoggedIn("editor@example.com");
  const std::int64_t id = Create(editor, "Bridge reopens", "publish", {{"slug", "bridge-reopens"}});
  const std::string path = "/admin/articles/" + std::to_string(id);
  const auto form = editor.Get(path);
  EXPECT_TRUE(Contains(form.body, "id=\"slug\" name=\"slug\" value=\"bridge-reopens\" readonly"));
  const auto response = editor.Post(
      path, ArticleFields("Bridge reopens", "keep", {{"version", "1"}, {"slug", "bridge-reopened"}}));
  EXPECT_EQ(response.status, 400u);
  EXPECT_TRUE(Contains(response.body, "its address stays"));
  EXPECT_EQ(Stored(id).slug, "bridge-reopens");
}

TEST_F(AdminArticles, AuthorsCannotOpenOthersArticlesNorPublishTheirOwn) {
  auto author = LoggedIn("author@example.com");
  auto other = LoggedIn("other@example.com");
  const std::int64_t theirs = Create(other, "Not yours to open", "draft", {{"author_id", ""}});
  const std::string path = "/admin/articles/" + std::to_string(theirs);
  EXPECT_EQ(author.Get(path).status, 403u);
  EXPECT_EQ(author.Get(path + "/revisions").status, 403u);
  EXPECT_EQ(
      author.Post(path, ArticleFields("Taken over", "draft", {{"version", "1"}, {"author_id", ""}})).status,
      403u);

  const auto publish_new =
      author.Post("/admin/articles", ArticleFields("Straight to print", "publish", {{"author_id", ""}}));
  EXPECT_EQ(publish_new.status, 403u);
  storage::EditorArticleFilter filter;
  filter.text = "Straight to print";
  const auto none = site_->storage().articles().CountForEditors(filter);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0);
  const std::int64_t mine = Create(author, "My own draft", "draft", {{"author_id", ""}});
  const auto publish_own =
      author.Post("/admin/articles/" + std::to_string(mine),
                  ArticleFields("My own draft", "publish", {{"version", "1"}, {"author_id", ""}}));
  EXPECT_EQ(publish_own.status, 403u);
  EXPECT_EQ(Stored(mine).state, ArticleState::kDraft);
  EXPECT_EQ(Stored(theirs).title, "Not yours to open");
}

TEST_F(AdminArticles, AnAuthorsArticleUnderReviewIsShownReadOnly) {
  auto author = LoggedIn("author@example.com");
  auto editor = LoggedIn("editor@example.com");
  const std::int64_t id = Create(author, "Ready for the desk", "review", {{"author_id", ""}});
  const std::string path = "/admin/articles/" + std::to_string(id);
  ASSERT_EQ(editor.Post(path, ArticleFields("Ready for the desk", "publish", {{"version", "1"}})).status,
            303u);
  const auto view = author.Get(path);
  ASSERT_EQ(view.status, 200u);
  EXPECT_TRUE(Contains(view.body, "only an editor can change it now"));
  EXPECT_TRUE(Contains(view.body, "name=\"title\" value=\"Ready for the desk\" required disabled"));
  EXPECT_FALSE(Contains(view.body, ">Save draft</button>"));
}

TEST_F(AdminArticles, PreviewButtonShowsTheRenderedTextWithoutSaving) {
  auto editor = LoggedIn("editor@example.com");
  const std::int64_t id = Create(editor, "Preview me");
  const auto response = editor.Post(
      "/admin/articles/" + std::to_string(id),
      ArticleFields("Preview me, changed", "",
                    {{"version", "1"}, {"preview", "1"}, {"body_markdown", "Some **bold** text"}}));
  EXPECT_EQ(response.status, 200u);
  EXPECT_TRUE(Contains(response.body, "<p>Some <strong>bold</strong> text</p>"));
  EXPECT_TRUE(Contains(response.body, "value=\"Preview me, changed\""));
  EXPECT_EQ(Stored(id).title, "Preview me");
  EXPECT_EQ(Stored(id).version, 1);
}

TEST_F(AdminArticles, LivePreviewAnswersJsonWithTheTokenInAHeader) {
  auto editor = LoggedIn("editor@example.com");
  const auto response =
      Request(site_->port(), "POST", "/admin/articles/preview",
              {{"Cookie", "gazette_session=" + editor.CookieValue("gazette_session")},
               {"X-CSRF-Token", editor.csrf()},
               {"Accept", "application/json"},
               {"Content-Type", "application/x-www-form-urlencoded"}},
              EncodeForm({{"intro_markdown", "*Hi*"}, {"body_markdown", "<script>x</script>\n\n# Head"}}));
  ASSERT_EQ(response.status, 200u) << response.body;
  EXPECT_EQ(response.Header("Content-Type"), "application/json");
  EXPECT_TRUE(Contains(response.body, "\"intro_html\":\"<p><em>Hi</em></p>\\n\""));
  EXPECT_TRUE(Contains(response.body, "<h1>Head</h1>"));
  EXPECT_FALSE(Contains(response.body, "<script>"));
  // The form field works as well; neither is a refusal.
  EXPECT_EQ(editor.Post("/admin/articles/preview", {{"body_markdown", "x"}}).status, 200u);
  EXPECT_EQ(editor.PostWithoutToken("/admin/articles/preview", {{"body_markdown", "x"}}).status, 403u);
}

TEST_F(AdminArticles, PreviewOverTheSizeLimitIsRefused) {
  auto editor = LoggedIn("editor@example.com");
  const auto response =
      editor.Post("/admin/articles/preview", {{"intro_markdown", std::string(11 * 1024, 'a')}},
                  {{"Accept", "application/json"}});
  EXPECT_EQ(response.status, 413u);
  EXPECT_TRUE(Contains(response.body, "\"error\""));
}

TEST_F(AdminArticles, TagSuggestionsAnswerJsonAndRefuseLongPrefixes) {
  auto editor = LoggedIn("editor@example.com");
  Create(editor, "Tagged story", "draft", {{"tags", "Quayside works, Quarry"}});
  const auto response = editor.Get("/admin/api/tags?prefix=qua");
  ASSERT_EQ(response.status, 200u);
  EXPECT_EQ(response.Header("Content-Type"), "application/json");
  EXPECT_TRUE(Contains(response.body, "\"Quayside works\"")) << response.body;
  EXPECT_TRUE(Contains(response.body, "\"Quarry\""));
  EXPECT_EQ(editor.Get("/admin/api/tags?prefix=").body, "{\"tags\":[]}");
  const auto too_long = editor.Get("/admin/api/tags?prefix=" + std::string(101, 'q'));
  EXPECT_EQ(too_long.status, 400u);
  EXPECT_TRUE(Contains(too_long.body, "\"error\""));
  EXPECT_EQ(editor.Get("/admin/api/tags?prefix=" + std::string(100, 'q')).status, 200u);
}

TEST_F(AdminArticles, EditorOffersTheRecentImagesWithTheirMarkdown) {
  domain::MediaItem item;
  item.sha256 = std::string(64, 'a');
  item.mime = "image/jpeg";
  item.width = 2000;
  item.height = 1000;
  item.bytes = 12345;
  item.sizes = {320, 1280};
  item.original_name = "harbour.jpg";
  item.alt = "The harbour at dawn";
  ASSERT_TRUE(site_->storage().media().Create(item).ok());
  auto editor = LoggedIn("editor@example.com");
  const auto form = editor.Get("/admin/articles/new");
  EXPECT_TRUE(Contains(form.body, ">Markdown for harbour.jpg</label>"));
  EXPECT_TRUE(Contains(form.body, "![The harbour at dawn](/media/aa/" + std::string(64, 'a') + "-1280.jpg)"))
      << form.body;
  EXPECT_TRUE(Contains(form.body, "class=\"secondary insert-image\""));
  EXPECT_TRUE(Contains(form.body, "href=\"/admin/media\""));
}

// ---- Revisions ----

TEST_F(AdminArticles, RevisionsListEverySaveAndTheirDifferences) {
  auto editor = LoggedIn("editor@example.com");
  const std::int64_t id = Create(editor, "Tram line", "draft", {{"body_markdown", "Kept line\nOld line\n"}});
  const std::string path = "/admin/articles/" + std::to_string(id);
  ASSERT_EQ(editor
                .Post(path, ArticleFields("Tram line extended", "draft",
                                          {{"version", "1"}, {"body_markdown", "Kept line\nNew <line>\n"}}))
                .status,
            303u);
  auto revisions = site_->storage().articles().ListRevisions(id);
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 2u);
  const std::string newest = std::to_string((*revisions)[0].id);
  const std::string oldest = std::to_string((*revisions)[1].id);

  const auto list = editor.Get(path + "/revisions");
  ASSERT_EQ(list.status, 200u);
  EXPECT_TRUE(Contains(list.body, "Tram line extended"));
  EXPECT_TRUE(Contains(list.body, "<td>editor</td>"));
  EXPECT_TRUE(Contains(list.body, "action=\"" + path + "/revisions/" + oldest + "/restore\""));

  const auto diff = editor.Get(path + "/revisions/diff?from=" + oldest + "&to=" + newest);
  ASSERT_EQ(diff.status, 200u);
  EXPECT_TRUE(Contains(diff.body, "<span>Kept line</span><del>Old line</del><ins>New &lt;line&gt;</ins>"))
      << diff.body;
  EXPECT_TRUE(Contains(diff.body, "<del>Tram line</del><ins>Tram line extended</ins>"));
}

TEST_F(AdminArticles, DiffWithARevisionOfAnotherArticleIsNotFound) {
  auto editor = LoggedIn("editor@example.com");
  const std::int64_t a = Create(editor, "Diff mine");
  const std::int64_t b = Create(editor, "Diff other");
  auto ra = site_->storage().articles().ListRevisions(a);
  auto rb = site_->storage().articles().ListRevisions(b);
  ASSERT_TRUE(ra.ok() && rb.ok());
  const std::string path = "/admin/articles/" + std::to_string(a) + "/revisions/diff";
  EXPECT_EQ(
      editor.Get(path + "?from=" + std::to_string((*ra)[0].id) + "&to=" + std::to_string((*rb)[0].id)).status,
      404u);
  EXPECT_EQ(editor.Get(path + "?from=" + std::to_string((*ra)[0].id) + "&to=987654321").status, 404u);
  EXPECT_EQ(editor.Get(path + "?from=x&to=1").status, 404u);
  EXPECT_EQ(editor.Get(path).status, 404u);
  // Restoring another article's revision is refused the same way, with nothing changed.
  EXPECT_EQ(editor
                .Post("/admin/articles/" + std::to_string(a) + "/revisions/" + std::to_string((*rb)[0].id) +
                          "/restore",
                      {{"version", "1"}})
                .status,
            404u);
  EXPECT_EQ(Stored(a).version, 1);
}

TEST_F(AdminArticles, RestoringARevisionBringsItsTextBackAsANewVersion) {
  auto editor = LoggedIn("editor@example.com");
  const std::int64_t id = Create(editor, "Original headline");
  const std::string path = "/admin/articles/" + std::to_string(id);
  ASSERT_EQ(editor.Post(path, ArticleFields("Worse headline", "draft", {{"version", "1"}})).status, 303u);
  auto revisions = site_->storage().articles().ListRevisions(id);
  ASSERT_TRUE(revisions.ok() && revisions->size() == 2u);
  const std::string restore = path + "/revisions/" + std::to_string((*revisions)[1].id) + "/restore";

  const auto stale = editor.Post(restore, {{"version", "1"}});
  EXPECT_EQ(stale.status, 409u);
  EXPECT_EQ(Stored(id).title, "Worse headline");
  EXPECT_EQ(editor.Post(restore, {{"version", "many"}}).status, 400u);

  const auto restored = editor.Post(restore, {{"version", "2"}});
  ASSERT_EQ(restored.status, 303u) << restored.body;
  EXPECT_EQ(restored.Header("Location"), path + "?done=restored");
  EXPECT_EQ(Stored(id).title, "Original headline");
  EXPECT_EQ(Stored(id).version, 3);
}

}  // namespace
}  // namespace gazette::testing
