// Expert panels through a real server: an editor builds one in the back office (add, edit, reorder,
// remove), readers see it on its article's page and as the front page's lead; authors are kept to their
// own drafts; every refused input stores nothing; the panel survives a restart.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gazette/domain/user.hpp"
#include "integration/admin_client.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

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

/// True for text the HTTP form parser itself refuses: invalid UTF-8, or a control character other than
/// tab, CR and LF (checked here on the bytes the tests send: ASCII controls and the 0xff/0xc3 0x28 forms).
bool ContainsBadBytes(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || c == 0xff) return true;
    if (c == 0xc3 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x28) return true;
  }
  return false;
}

/// Where each of parts first appears in text (npos when missing), to check an order.
std::vector<std::size_t> Positions(const std::string& text, const std::vector<std::string>& parts) {
  std::vector<std::size_t> at;
  for (const auto& part : parts) at.push_back(text.find(part));
  return at;
}

class ExpertPanels : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    RunningSiteOptions options;
    options.articles = 60;
    site_ = new RunningSite(options);
    site_->AddUser("editor@example.com", Role::kEditor, kPassword);
    site_->AddUser("author@example.com", Role::kAuthor, kPassword, 1);
    auto categories = site_->storage().catalog().ListCategories();
    ASSERT_TRUE(categories.ok() && !categories->empty());
    category_ = std::to_string(categories->front().id);
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }

  static AdminClient LoggedIn(const std::string& email) {
    AdminClient client(site_->port());
    const auto response = client.LogIn(email, kPassword);
    EXPECT_EQ(response.status, 303u) << response.body;
    return client;
  }

  /// Creates an article through the editor's form (by author author_id) and returns its id.
  static std::int64_t CreateArticle(AdminClient& client, const std::string& title, const std::string& mode,
                                    const std::string& author_id = "1", bool featured = false) {
    FormFields fields{{"title", title},        {"slug", ""},
                      {"country", "GB"},       {"category_id", category_},
                      {"tags", ""},            {"author_id", author_id},
                      {"intro_markdown", "We asked the experts."},
                      {"body_markdown", ""},   {"comments_open", "1"},
                      {"mode", mode}};
    if (featured) fields.emplace_back("featured", "1");
    const auto response = client.Post("/admin/articles", fields);
    EXPECT_EQ(response.status, 303u) << response.body.substr(0, 3000);
    return IdFromLocation(response.Header("Location"));
  }

  static std::string PanelPath(std::int64_t id) { return "/admin/articles/" + std::to_string(id) + "/panel"; }

  static FormFields Contribution(const std::string& name, const std::string& role = "Chief Digital Officer",
                                 const std::string& organisation = "City of Tallinn",
                                 const std::string& answer = "Start *small*, then grow.") {
    return {{"expert_name", name},
            {"expert_role", role},
            {"expert_organisation", organisation},
            {"photo", ""},
            {"answer_markdown", answer}};
  }

  static std::vector<domain::PanelContribution> Stored(std::int64_t id) {
    auto panel = site_->storage().panels().FindByArticle(id);
    EXPECT_TRUE(panel.ok());
    if (!panel.ok() || !panel->has_value()) return {};
    return (*panel)->contributions;
  }

  static std::vector<std::string> StoredNames(std::int64_t id) {
    std::vector<std::string> names;
    for (const auto& c : Stored(id)) names.push_back(c.expert_name);
    return names;
  }

  /// The article's public address: any year and month redirect to the canonical one.
  static std::string PublicPath(std::int64_t id) {
    auto article = site_->storage().articles().FindById(id);
    EXPECT_TRUE(article.ok());
    if (!article.ok()) return {};
    const auto response = site_->Get("/2000/01/" + article->slug);
    EXPECT_EQ(response.status, 301u);
    return std::string(response.Header("Location"));
  }

  static RunningSite* site_;
  static std::string category_;
};
RunningSite* ExpertPanels::site_ = nullptr;
std::string ExpertPanels::category_;

TEST_F(ExpertPanels, AnEditorBuildsAPanelAndReadersSeeItInOrderEscaped) {
  AdminClient editor = LoggedIn("editor@example.com");
  const std::int64_t id = CreateArticle(editor, "Expert round-up: open data", "publish");
  ASSERT_GT(id, 0);
  EXPECT_TRUE(Contains(editor.Get("/admin/articles/" + std::to_string(id)).body, PanelPath(id)));
  ASSERT_EQ(editor.Post(PanelPath(id), {{"question", "How should councils open their data?"},
                                        {"lead", "Three practitioners answer."}})
                .status,
            303u);
  const auto before = site_->storage().articles().FindById(id);
  ASSERT_TRUE(before.ok());

  const std::string add = PanelPath(id) + "/contributions";
  ASSERT_EQ(editor.Post(add, Contribution("Ada <script>alert(1)</script>")).status, 303u);
  site_->clock().Advance(std::chrono::seconds(60));
  ASSERT_EQ(editor.Post(add, Contribution("Grace Hopper", "Rear admiral", "US Navy")).status, 303u);
  ASSERT_EQ(editor.Post(add, Contribution("Katherine Johnson", "Mathematician", "NASA")).status, 303u);
  auto stored = Stored(id);
  ASSERT_EQ(stored.size(), 3u);
  // Saving a contribution moves the article's updated time, so that caches and feeds see the change.
  const auto after = site_->storage().articles().FindById(id);
  ASSERT_TRUE(after.ok());
  EXPECT_GT(after->updated_at, before->updated_at);

  const std::string grace = add + "/" + std::to_string(stored[1].id);
  EXPECT_TRUE(Contains(editor.Get(grace).body, "Rear admiral"));
  ASSERT_EQ(editor.Post(grace, Contribution("Grace Hopper", "Computer scientist", "Yale", "Ship *it*.")).status,
            303u);
  ASSERT_EQ(editor.Post(add + "/" + std::to_string(stored[2].id) + "/move", {{"direction", "up"}}).status, 303u);
  EXPECT_EQ(StoredNames(id), (std::vector<std::string>{"Ada <script>alert(1)</script>", "Katherine Johnson",
                                                       "Grace Hopper"}));
  ASSERT_EQ(editor.Post(add + "/" + std::to_string(stored[2].id) + "/move", {{"direction", "up"}}).status, 303u);
  ASSERT_EQ(editor.Post(add + "/" + std::to_string(stored[1].id) + "/delete", {}).status, 303u);
  EXPECT_EQ(StoredNames(id),
            (std::vector<std::string>{"Katherine Johnson", "Ada <script>alert(1)</script>"}));
  EXPECT_EQ(editor.Post(add + "/" + std::to_string(stored[1].id) + "/delete", {}).status, 404u);

  // Every change of the panel is in the audit log under its article, with who made it, newest first.
  auto entries = site_->storage().accounts().ListAudit(0, 50);
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  std::vector<std::string> panel_actions;
  for (const auto& entry : *entries) {
    if (entry.target != "article " + std::to_string(id) || !entry.action.starts_with("panel.")) continue;
    panel_actions.push_back(entry.action + (entry.detail.empty() ? "" : " " + entry.detail));
    EXPECT_TRUE(entry.user_id.has_value());
  }
  const std::string grace_id = std::to_string(stored[1].id);
  const std::string katherine_id = std::to_string(stored[2].id);
  EXPECT_EQ(panel_actions, (std::vector<std::string>{
                               "panel.contribution_removed contribution " + grace_id,
                               "panel.contribution_moved contribution " + katherine_id + " up",
                               "panel.contribution_moved contribution " + katherine_id + " up",
                               "panel.contribution_updated contribution " + grace_id,
                               "panel.contribution_added Katherine Johnson",
                               "panel.contribution_added Grace Hopper",
                               "panel.contribution_added Ada <script>alert(1)</script>",
                               "panel.saved",
                           }));

  const auto admin_page = editor.Get(PanelPath(id));
  ASSERT_EQ(admin_page.status, 200u);
  EXPECT_FALSE(Contains(admin_page.body, "<script>alert(1)"));

  const auto page = site_->Get(PublicPath(id));
  ASSERT_EQ(page.status, 200u);
  const std::string& html = page.body;
  EXPECT_TRUE(Contains(html, "How should councils open their data?"));
  EXPECT_TRUE(Contains(html, "Three practitioners answer."));
  EXPECT_FALSE(Contains(html, "<script>alert(1)"));
  EXPECT_FALSE(Contains(html, "Grace Hopper"));
  const auto at = Positions(html, {R"(<section class="panel-contribution")", "Katherine Johnson", "Mathematician",
                                   "NASA", "Ada &lt;script&gt;alert(1)&lt;/script&gt;"});
  for (std::size_t i = 0; i < at.size(); ++i) ASSERT_NE(at[i], std::string::npos) << i;
  EXPECT_LT(at[0], at[1]);
  EXPECT_LT(at[1], at[4]);
  EXPECT_TRUE(Contains(html, "<em>small</em>"));  // the answer's Markdown, rendered on save
}

TEST_F(ExpertPanels, TheNewestFeaturedPanelLeadsTheFrontPage) {
  AdminClient editor = LoggedIn("editor@example.com");
  site_->clock().Advance(std::chrono::seconds(3600));
  const std::int64_t id = CreateArticle(editor, "Expert panel: shared services", "publish", "1", true);
  ASSERT_EQ(editor.Post(PanelPath(id), {{"question", "Shared services or local control?"}, {"lead", ""}}).status,
            303u);
  const std::string long_answer =
      "Sharing works when the service is the same everywhere. " + std::string(40, 'x') + " " +
      "Payroll, licensing and parking permits differ less between towns than their websites suggest, and "
      "every council that moved them to one platform saved money in the first year. The hard part is the "
      "people: staff need to see that the shared team answers to them too. ENDOFTHEANSWER";
  ASSERT_EQ(editor.Post(PanelPath(id) + "/contributions",
                        Contribution("Marta Kask", "Head of Services", "Tartu", long_answer))
                .status,
            303u);
  ASSERT_EQ(editor.Post(PanelPath(id) + "/contributions", Contribution("Second Expert")).status, 303u);

  const auto front = site_->Get("/");
  ASSERT_EQ(front.status, 200u);
  const std::string& html = front.body;
  const std::size_t feature = html.find(R"(<article class="lead panel-feature">)");
  ASSERT_NE(feature, std::string::npos);
  const std::string block = html.substr(feature, html.find("</article>", feature) - feature);
  EXPECT_TRUE(Contains(block, R"(<p class="panel-question">Shared services or local control?</p>)"));
  EXPECT_TRUE(Contains(block, "Read the advice of our experts and share your own thoughts"));
  EXPECT_TRUE(Contains(block, R"(<span class="panel-expert">Marta Kask, Head of Services at Tartu</span>)"));
  EXPECT_TRUE(Contains(block, "Sharing works when the service is the same everywhere."));
  EXPECT_FALSE(Contains(block, "ENDOFTHEANSWER"));  // only the opening
  EXPECT_FALSE(Contains(block, "Second Expert"));
  const std::string path = PublicPath(id);
  EXPECT_TRUE(Contains(block, "<a class=\"read-more\" href=\"" + path +
                                  "\">Read more: GB: Expert panel: shared services</a>"));
  // Shown once: not again among the leads or teasers.
  EXPECT_EQ(html.find("href=\"" + path + "\"", html.find("</article>", feature)), std::string::npos);
}

TEST_F(ExpertPanels, AnAuthorCannotChangeAnotherAuthorsPanel) {
  AdminClient editor = LoggedIn("editor@example.com");
  const std::int64_t theirs = CreateArticle(editor, "Another author's panel", "draft", "2");
  ASSERT_EQ(editor.Post(PanelPath(theirs), {{"question", "Whose is it?"}, {"lead", ""}}).status, 303u);
  ASSERT_EQ(editor.Post(PanelPath(theirs) + "/contributions", Contribution("Kept")).status, 303u);
  const std::string contribution = std::to_string(Stored(theirs).at(0).id);

  AdminClient author = LoggedIn("author@example.com");
  const std::string base = PanelPath(theirs);
  EXPECT_EQ(author.Get(base).status, 403u);
  EXPECT_EQ(author.Post(base, {{"question", "Taken over?"}, {"lead", ""}}).status, 403u);
  EXPECT_EQ(author.Post(base + "/contributions", Contribution("Intruder")).status, 403u);
  EXPECT_EQ(author.Get(base + "/contributions/" + contribution).status, 403u);
  EXPECT_EQ(author.Post(base + "/contributions/" + contribution, Contribution("Changed")).status, 403u);
  EXPECT_EQ(author.Post(base + "/contributions/" + contribution + "/move", {{"direction", "down"}}).status, 403u);
  EXPECT_EQ(author.Post(base + "/contributions/" + contribution + "/delete", {}).status, 403u);
  EXPECT_EQ(author.Post(base + "/remove", {}).status, 403u);
  EXPECT_EQ(StoredNames(theirs), std::vector<std::string>{"Kept"});
  auto panel = site_->storage().panels().FindByArticle(theirs);
  ASSERT_TRUE(panel.ok() && panel->has_value());
  EXPECT_EQ((*panel)->question, "Whose is it?");

  // Their own draft is theirs to build.
  const std::int64_t mine = CreateArticle(author, "My own panel", "draft", "1");
  EXPECT_EQ(author.Post(PanelPath(mine), {{"question", "Mine?"}, {"lead", ""}}).status, 303u);
  EXPECT_EQ(author.Post(PanelPath(mine) + "/contributions", Contribution("Mine")).status, 303u);
  EXPECT_EQ(StoredNames(mine), std::vector<std::string>{"Mine"});
}

TEST_F(ExpertPanels, EveryRefusedInputIsA400WithTheFormKeptAndNothingStored) {
  AdminClient editor = LoggedIn("editor@example.com");
  const std::int64_t id = CreateArticle(editor, "Panel with limits", "draft");
  const std::string panel = PanelPath(id);

  struct PanelCase {
    const char* what;
    std::string question;
    std::string lead;
  };
  for (const PanelCase& c : {PanelCase{"empty question", "", ""},
                             PanelCase{"question over 300", std::string(301, 'q'), ""},
                             PanelCase{"lead over 1000", "Fine?", std::string(1001, 'l')},
                             PanelCase{"invalid UTF-8", "Bad \xff byte?", ""},
                             PanelCase{"control character", "Bell\x07?", ""},
                             PanelCase{"control character in lead", "Fine?", "Escape \x1b[31m"}}) {
    const auto response = editor.Post(panel, {{"question", c.question}, {"lead", c.lead}});
    EXPECT_EQ(response.status, 400u) << c.what;
    // Invalid UTF-8 and control characters other than tab and line ends are refused with the whole
    // request (http::Form), before the form is read; the rest come back beside their field.
    if (!ContainsBadBytes(c.question + c.lead)) {
      EXPECT_TRUE(Contains(response.body, "field-problem")) << c.what;
    }
    auto stored = site_->storage().panels().FindByArticle(id);
    ASSERT_TRUE(stored.ok());
    EXPECT_FALSE(stored->has_value()) << c.what;
  }
  const auto kept = editor.Post(panel, {{"question", std::string(301, 'q')}, {"lead", "Kept lead <b>"}});
  EXPECT_TRUE(Contains(kept.body, "Kept lead &lt;b&gt;"));

  ASSERT_EQ(editor.Post(panel, {{"question", "Fine?"}, {"lead", ""}}).status, 303u);
  const std::string add = panel + "/contributions";
  struct ContributionCase {
    const char* what;
    FormFields fields;
  };
  const std::vector<ContributionCase> cases = {
      {"empty name", Contribution("")},
      {"name over 200", Contribution(std::string(201, 'n'))},
      {"role over 200", Contribution("Ada", std::string(201, 'r'))},
      {"organisation over 200", Contribution("Ada", "Role", std::string(201, 'o'))},
      {"answer over 20000", Contribution("Ada", "Role", "Org", std::string(20'001, 'a'))},
      {"empty answer", Contribution("Ada", "Role", "Org", "  ")},
      {"invalid UTF-8 name", Contribution("Ada \xc3\x28")},
      {"control character in role", Contribution("Ada", "Role\x01")},
      {"newline in organisation", Contribution("Ada", "Role", "Two\nlines")},
      {"NUL in answer", Contribution("Ada", "Role", "Org", std::string("Answer\0here", 11))},
      {"photo not in the library", [] {
         FormFields f = Contribution("Ada");
         f[3].second = "999999";
         return f;
       }()},
      {"photo not an id", [] {
         FormFields f = Contribution("Ada");
         f[3].second = "../../etc/passwd";
         return f;
       }()},
  };
  for (const auto& c : cases) {
    const auto response = editor.Post(add, c.fields);
    EXPECT_EQ(response.status, 400u) << c.what;
    std::string typed;
    for (const auto& field : c.fields) typed += field.second;
    if (!ContainsBadBytes(typed)) {
      EXPECT_TRUE(Contains(response.body, "field-problem")) << c.what;
    }
    EXPECT_TRUE(Stored(id).empty()) << c.what;
  }
  const auto typed = editor.Post(add, Contribution("Kept <name>", std::string(201, 'r')));
  EXPECT_TRUE(Contains(typed.body, "Kept &lt;name&gt;"));

  // The same rules on an edit, which keeps the stored answer.
  ASSERT_EQ(editor.Post(add, Contribution("Stored")).status, 303u);
  const std::string edit = add + "/" + std::to_string(Stored(id).at(0).id);
  EXPECT_EQ(editor.Post(edit, Contribution("Changed", "Role\x07")).status, 400u);
  EXPECT_EQ(StoredNames(id), std::vector<std::string>{"Stored"});
  EXPECT_EQ(editor.Post(edit + "/move", {{"direction", "sideways"}}).status, 400u);

  // At most 30 contributions.
  for (int i = 1; i < 30; ++i) ASSERT_EQ(editor.Post(add, Contribution("E" + std::to_string(i))).status, 303u);
  const auto full = editor.Post(add, Contribution("One too many"));
  EXPECT_EQ(full.status, 400u);
  EXPECT_EQ(Stored(id).size(), 30u);
}

TEST_F(ExpertPanels, APanelSurvivesARestart) {
  AdminClient editor = LoggedIn("editor@example.com");
  const std::int64_t id = CreateArticle(editor, "Panel across restarts", "publish");
  ASSERT_EQ(editor.Post(PanelPath(id), {{"question", "Still here?"}, {"lead", ""}}).status, 303u);
  ASSERT_EQ(editor.Post(PanelPath(id) + "/contributions", Contribution("Durable Expert")).status, 303u);
  site_->Restart();
  const auto page = site_->Get(PublicPath(id));
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Contains(page.body, "Still here?"));
  EXPECT_TRUE(Contains(page.body, "Durable Expert"));
}

}  // namespace
}  // namespace gazette::testing
