// Readers' comments through a real server: posting, every refusal, moderation in the back office, counts
// on teasers and article pages, closed comments, and survival across a restart and a kill -9.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>

#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "integration/admin_client.hpp"
#include "integration/child_process.hpp"
#include "integration/html_scan.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using namespace std::chrono_literals;

/// Comments come through a trusted proxy, so that each test can speak for its own reader's address.
RunningSiteOptions CommentSite() {
  RunningSiteOptions options;
  options.articles = 20;
  options.env = {{"GAZETTE_SERVER_TRUSTED_PROXIES", "127.0.0.1/32"}, {"GAZETTE_SERVER_ACCESS_LOG", "false"}};
  return options;
}

class CommentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = std::make_unique<RunningSite>(CommentSite());
    article_ = Unescape(FirstValueAfter(site_->Get("/").body, R"(<a class="read-more" href=")"));
    ASSERT_FALSE(article_.empty());
  }

  /// The form's token from the article page, then the clock moved past the minimum time.
  std::string FreshToken(const std::string& path = {}) {
    const auto page = site_->Get(path.empty() ? article_ : path);
    EXPECT_EQ(page.status, 200u);
    const std::string token = HiddenInput(page.body, "token");
    site_->clock().Set(site_->clock().Now() + 5s);
    return token;
  }

  HttpResponse Send(const FormFields& fields, const std::string& ip = "192.0.2.10", const std::string& path = {}) {
    return Request(site_->port(), "POST", (path.empty() ? article_ : path) + "/comments",
                   {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Forwarded-For", ip}},
                   EncodeForm(fields));
  }

  HttpResponse Post(const std::string& name, const std::string& text, const std::string& ip = "192.0.2.10",
                    const std::string& email = "", const std::string& parent = "") {
    return Send({{"name", name}, {"email", email}, {"text", text}, {"token", FreshToken()}, {"website", ""},
                 {"parent", parent}},
                ip);
  }

  std::int64_t Stored() { return *site_->storage().comments().CountInState(std::nullopt); }

  std::int64_t LastId() {
    auto rows = site_->storage().comments().ListQueue(std::nullopt, 0, 1);
    return rows->empty() ? 0 : (*rows)[0].comment.id;
  }

  AdminClient Editor() {
    site_->AddUser("editor@example.org", domain::Role::kEditor, "editor password 1");
    AdminClient editor(site_->port());
    EXPECT_EQ(editor.LogIn("editor@example.org", "editor password 1").status, 303u);
    return editor;
  }

  /// A refused comment: 400, the message, the reader's text shown again, nothing stored.
  void ExpectRefused(const HttpResponse& response, const std::string& message, const std::string& kept_text = "") {
    EXPECT_EQ(response.status, 400u) << response.body.substr(0, 300);
    EXPECT_NE(response.body.find(message), std::string::npos) << message;
    EXPECT_NE(response.body.find(R"(class="comment-form")"), std::string::npos);
    if (!kept_text.empty()) {
      EXPECT_NE(response.body.find(kept_text), std::string::npos) << kept_text;
    }
    EXPECT_EQ(Stored(), 0);
  }

  std::unique_ptr<RunningSite> site_;
  std::string article_;
};

TEST_F(CommentsTest, APostedCommentWaitsForModerationThenAppearsWithItsCount) {
  const auto posted = Post("Ada", "First thoughts.\n\nSee https://example.org/report.");
  ASSERT_EQ(posted.status, 303u);
  EXPECT_EQ(posted.Header("Location"), article_ + "?comment=pending#comments");
  // The anchor stays in the browser: what it asks for is the page with the notice.
  const std::string location(posted.Header("Location"));
  const auto after = site_->Get(location.substr(0, location.find('#')));
  EXPECT_NE(after.body.find("Thank you, your comment awaits moderation"), std::string::npos);
  EXPECT_EQ(after.body.find("First thoughts."), std::string::npos);
  EXPECT_NE(after.body.find(R"(class="comment-count" href="#comments" data-count="0")"), std::string::npos);
  ASSERT_EQ(Stored(), 1);

  AdminClient editor = Editor();
  EXPECT_NE(editor.Get("/admin").body.find(R"(data-figure="pending-comments">1<)"), std::string::npos);
  const auto queue = editor.Get("/admin/comments");
  ASSERT_EQ(queue.status, 200u);
  EXPECT_NE(queue.body.find("First thoughts."), std::string::npos);
  const std::string id = std::to_string(LastId());
  const auto approved = editor.Post("/admin/comments/moderate", {{"one", "approve:" + id}, {"state", "pending"}});
  ASSERT_EQ(approved.status, 303u);
  EXPECT_EQ(approved.Header("Location"), "/admin/comments?state=pending&done=moderated");
  auto entries = site_->storage().accounts().ListAudit(0, 10);
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  ASSERT_FALSE(entries->empty());
  EXPECT_EQ(entries->front().action, "comment.moderated");
  EXPECT_EQ(entries->front().target, "comment " + id);
  EXPECT_EQ(entries->front().detail, "approve");
  EXPECT_TRUE(entries->front().user_id.has_value());

  const auto page = site_->Get(article_);
  EXPECT_NE(page.body.find("<p>First thoughts.</p>"), std::string::npos);
  EXPECT_NE(page.body.find(R"(<a href="https://example.org/report" rel="nofollow ugc noopener">)"),
            std::string::npos);
  EXPECT_NE(page.body.find(R"(data-count="1">1 comment<)"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"comment-" + id + "\""), std::string::npos);
  // The front page's teaser of the article shows the count too.
  const auto front = site_->Get("/").body;
  EXPECT_NE(front.find("href=\"" + article_ + "#comments\" data-count=\"1\">1 comment<"), std::string::npos);
}

TEST_F(CommentsTest, TheEmailAddressIsNeverShownToReaders) {
  ASSERT_EQ(Post("Ada", "With an address", "192.0.2.10", "ada.secret@example.org").status, 303u);
  ASSERT_EQ(*site_->storage().comments().SetState(std::vector<std::int64_t>{LastId()},
                                                   domain::CommentState::kApproved), 1);
  const auto page = site_->Get(article_);
  EXPECT_NE(page.body.find("With an address"), std::string::npos);
  EXPECT_EQ(page.body.find("ada.secret"), std::string::npos);
}

TEST_F(CommentsTest, RepliesAreShownUnderTheirThread) {
  ASSERT_EQ(Post("Ada", "Top comment").status, 303u);
  const std::int64_t top = LastId();
  ASSERT_EQ(*site_->storage().comments().SetState(std::vector<std::int64_t>{top}, domain::CommentState::kApproved), 1);
  const auto reply_form = site_->Get(article_ + "?reply=" + std::to_string(top));
  EXPECT_NE(reply_form.body.find("Reply to Ada"), std::string::npos);
  EXPECT_EQ(HiddenInput(reply_form.body, "parent"), std::to_string(top));
  ASSERT_EQ(Post("Bob", "A reply", "192.0.2.11", "", std::to_string(top)).status, 303u);
  const std::int64_t reply = LastId();
  // Only a shown comment can be answered.
  EXPECT_EQ(Post("Cy", "Too early", "192.0.2.12", "", std::to_string(reply)).status, 400u);
  ASSERT_EQ(*site_->storage().comments().SetState(std::vector<std::int64_t>{reply}, domain::CommentState::kApproved), 1);
  ASSERT_EQ(Post("Cy", "A reply to the reply", "192.0.2.12", "", std::to_string(reply)).status, 303u);
  const std::int64_t nested = LastId();
  EXPECT_EQ(site_->storage().comments().Find(nested)->parent_id, top);
  ASSERT_EQ(*site_->storage().comments().SetState(std::vector<std::int64_t>{nested}, domain::CommentState::kApproved), 1);
  const auto html = site_->Get(article_).body;
  const std::size_t replies = html.find(R"(<ol class="comment-replies">)");
  ASSERT_NE(replies, std::string::npos);
  EXPECT_LT(html.find("Top comment"), replies);
  EXPECT_GT(html.find("A reply"), replies);
  EXPECT_GT(html.find("A reply to the reply"), replies);
  EXPECT_NE(html.find(R"(data-count="3">3 comments<)"), std::string::npos);
}

TEST_F(CommentsTest, AFilledHoneypotIsRefused) {
  ExpectRefused(Send({{"name", "Bot"}, {"text", "Buy now"}, {"token", FreshToken()}, {"website", "http://spam"}}),
                "sent by a program", "Buy now");
}

TEST_F(CommentsTest, AFormSentTooQuicklyIsRefusedAndKeepsTheText) {
  const std::string token = HiddenInput(site_->Get(article_).body, "token");
  ExpectRefused(Send({{"name", "Quick"}, {"text", "Typed fast"}, {"token", token}}), "too quickly", "Typed fast");
}

TEST_F(CommentsTest, MissingForgedAndExpiredTokensAreRefused) {
  ExpectRefused(Send({{"name", "Ada"}, {"text", "No token"}}), "could not be checked", "No token");
  std::string forged = FreshToken();
  forged[5] = forged[5] == 'A' ? 'B' : 'A';
  ExpectRefused(Send({{"name", "Ada"}, {"text", "Forged"}, {"token", forged}}), "could not be checked", "Forged");
  // A token for another article does not carry over.
  const auto front = site_->Get("/").body;
  const auto links = ValuesAfter(front, R"(<a class="read-more" href=")");
  ASSERT_GE(links.size(), 2u);
  const std::string other = FreshToken(Unescape(links[1]));
  ExpectRefused(Send({{"name", "Ada"}, {"text", "Elsewhere"}, {"token", other}}), "could not be checked");
  const std::string old = FreshToken();
  site_->clock().Set(site_->clock().Now() + 25h);
  ExpectRefused(Send({{"name", "Ada"}, {"text", "Late"}, {"token", old}}), "expired", "Late");
}

TEST_F(CommentsTest, TheSixthCommentFromOneAddressInTenMinutesIsRefused) {
  for (int i = 0; i < 5; ++i) ASSERT_EQ(Post("Ada", "Comment number " + std::to_string(i)).status, 303u) << i;
  const auto refused = Post("Ada", "One too many");
  EXPECT_EQ(refused.status, 400u);
  EXPECT_NE(refused.body.find("several comments in a short time"), std::string::npos);
  EXPECT_NE(refused.body.find("One too many"), std::string::npos);
  EXPECT_EQ(Stored(), 5);
  EXPECT_EQ(Post("Bob", "From another address", "192.0.2.99").status, 303u);
}

TEST_F(CommentsTest, TooManyLinksAreRefused) {
  ExpectRefused(Post("Ada", "http://a.org http://b.org http://c.org http://d.org"), "at most 3 links");
}

TEST_F(CommentsTest, TheSameTextTwiceIsRefused) {
  ASSERT_EQ(Post("Ada", "Exactly this").status, 303u);
  const auto again = Post("Someone", "Exactly this", "192.0.2.50");
  EXPECT_EQ(again.status, 400u);
  EXPECT_NE(again.body.find("already been sent"), std::string::npos);
  EXPECT_EQ(Stored(), 1);
}

TEST_F(CommentsTest, EachBadInputIsRefusedWithAMessage) {
  ExpectRefused(Post("Ada", ""), "Please write a comment");
  ExpectRefused(Post("Ada", " \n \n"), "Please write a comment");
  ExpectRefused(Post("", "No name"), "Please write your name", "No name");
  ExpectRefused(Post(std::string(101, 'n'), "Long name"), "at most 100 characters", "Long name");
  ExpectRefused(Post("Ada", "Bad address", "192.0.2.10", std::string(250, 'a') + "@example.org"),
                "at most 254 characters", "Bad address");
  ExpectRefused(Post("Ada", "Bad address", "192.0.2.10", "not-an-address"), "does not look like one");
  ExpectRefused(Post("Ada", std::string(5001, 'x')), "at most 5000 characters");
  ExpectRefused(Post("A\nda", "Line break in name"), "line breaks", "Line break in name");
  // Invalid UTF-8 and control characters are refused while the form is read.
  const auto invalid = Request(site_->port(), "POST", article_ + "/comments",
                               {{"Content-Type", "application/x-www-form-urlencoded"}},
                               "name=Ada&text=bad%FFbytes&token=" + FreshToken());
  ExpectRefused(invalid, "could not be read");
  const auto control = Request(site_->port(), "POST", article_ + "/comments",
                               {{"Content-Type", "application/x-www-form-urlencoded"}},
                               "name=Ada&text=bell%07here&token=" + FreshToken());
  ExpectRefused(control, "could not be read");
}

TEST_F(CommentsTest, RightToLeftTextEmojiAndCombiningMarksRoundTripExactly) {
  const std::string text = "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \U0001F469\u200D\U0001F4BB "
                           "\U0001F1EC\U0001F1E7 e\u0301 \u202eabc\u202c";
  const std::string name = "\u0645\u0631\u064a\u0645 \U0001F600";
  ASSERT_EQ(Post(name, text).status, 303u);
  auto stored = site_->storage().comments().Find(LastId());
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->text, text);
  EXPECT_EQ(stored->name, name);
  ASSERT_EQ(*site_->storage().comments().SetState(std::vector<std::int64_t>{LastId()},
                                                   domain::CommentState::kApproved), 1);
  const auto html = site_->Get(article_).body;
  EXPECT_NE(html.find("<p>" + text + "</p>"), std::string::npos);
  EXPECT_NE(html.find(name), std::string::npos);
}

TEST_F(CommentsTest, ClosedCommentsShowNoFormAndRefusePostsWith403) {
  const std::string token = FreshToken();
  const std::string slug = article_.substr(article_.rfind('/') + 1);
  auto page = site_->storage().articles().FindVisibleBySlug(slug, site_->clock().Now());
  ASSERT_TRUE(page.ok());
  domain::Article article = page->article;
  article.comments_open = false;
  ASSERT_TRUE(site_->storage().articles().Update(article, article.version, site_->clock().Now(), std::nullopt).ok());
  const auto html = site_->Get(article_).body;
  EXPECT_EQ(html.find(R"(class="comment-form")"), std::string::npos);
  EXPECT_NE(html.find("Comments on this article are closed."), std::string::npos);
  const auto refused = Send({{"name", "Ada"}, {"text", "Too late"}, {"token", token}});
  EXPECT_EQ(refused.status, 403u);
  EXPECT_NE(refused.body.find("closed"), std::string::npos);
  EXPECT_EQ(Stored(), 0);
}

TEST_F(CommentsTest, EditorsModerateInBulkAndByStateWithPaging) {
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(Post("Reader " + std::to_string(i), "Bulk comment " + std::to_string(i),
                   "192.0.2." + std::to_string(20 + i)).status, 303u);
  }
  auto rows = site_->storage().comments().ListQueue(std::nullopt, 0, 10);
  ASSERT_EQ(rows->size(), 4u);
  const std::string a = std::to_string((*rows)[0].comment.id), b = std::to_string((*rows)[1].comment.id);
  const std::string c = std::to_string((*rows)[2].comment.id), d = std::to_string((*rows)[3].comment.id);
  AdminClient editor = Editor();
  EXPECT_EQ(editor.Post("/admin/comments/moderate", {{"action", "approve"}, {"ids", a}, {"ids", b}}).status, 303u);
  EXPECT_EQ(editor.Post("/admin/comments/moderate", {{"action", "spam"}, {"ids", c}}).status, 303u);
  EXPECT_EQ(editor.Post("/admin/comments/moderate", {{"action", "reject"}, {"ids", d}}).status, 303u);
  EXPECT_EQ(*site_->storage().comments().CountInState(domain::CommentState::kApproved), 2);
  EXPECT_EQ(*site_->storage().comments().CountInState(domain::CommentState::kSpam), 1);
  EXPECT_EQ(*site_->storage().comments().CountInState(domain::CommentState::kRejected), 1);
  const auto spam = editor.Get("/admin/comments?state=spam").body;
  EXPECT_NE(spam.find("Bulk comment"), std::string::npos);
  EXPECT_EQ(CountOf(spam, "class=\"comment-queue-item\""), 1u);
  EXPECT_EQ(CountOf(editor.Get("/admin/comments?state=all").body, "class=\"comment-queue-item\""), 4u);
  EXPECT_EQ(editor.Get("/admin/comments?state=pending").body.find("Bulk comment"), std::string::npos);
  EXPECT_EQ(editor.Get("/admin/comments?state=all&page=2").status, 200u);
  EXPECT_EQ(editor.Post("/admin/comments/moderate", {{"action", "approve"}}).Header("Location"),
            "/admin/comments?state=pending&done=nothing-selected");
  EXPECT_EQ(editor.Post("/admin/comments/moderate", {{"action", "burn"}, {"ids", a}}).status, 400u);
  EXPECT_EQ(editor.Post("/admin/comments/moderate", {{"action", "delete"}, {"ids", c}, {"ids", d}}).status, 303u);
  EXPECT_EQ(Stored(), 2);
  EXPECT_NE(site_->Get(article_).body.find(R"(data-count="2">2 comments<)"), std::string::npos);
}

TEST_F(CommentsTest, EditorsEditAComment) {
  ASSERT_EQ(Post("Ada", "Teh typo").status, 303u);
  const std::string id = std::to_string(LastId());
  AdminClient editor = Editor();
  const auto form = editor.Get("/admin/comments/" + id);
  ASSERT_EQ(form.status, 200u);
  EXPECT_NE(form.body.find("Teh typo"), std::string::npos);
  EXPECT_EQ(editor.Post("/admin/comments/" + id, {{"name", "Ada"}, {"email", ""}, {"text", "The typo"}}).status, 303u);
  EXPECT_EQ(site_->storage().comments().Find(LastId())->text, "The typo");
  auto entries = site_->storage().accounts().ListAudit(0, 10);
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  ASSERT_FALSE(entries->empty());
  EXPECT_EQ(entries->front().action, "comment.edited");
  EXPECT_EQ(entries->front().target, "comment " + id);
  const auto refused = editor.Post("/admin/comments/" + id, {{"name", "Ada"}, {"text", ""}});
  EXPECT_EQ(refused.status, 400u);
  EXPECT_NE(refused.body.find("Please write a comment"), std::string::npos);
  EXPECT_EQ(editor.Get("/admin/comments/999999").status, 404u);
}

TEST_F(CommentsTest, AuthorsCannotOpenTheQueue) {
  site_->AddUser("author@example.org", domain::Role::kAuthor, "author password 1");
  AdminClient author(site_->port());
  ASSERT_EQ(author.LogIn("author@example.org", "author password 1").status, 303u);
  EXPECT_EQ(author.Get("/admin/comments").status, 403u);
  EXPECT_EQ(author.Get("/admin").body.find("pending-comments"), std::string::npos);
}

TEST_F(CommentsTest, AnApprovedCommentSurvivesARestart) {
  ASSERT_EQ(Post("Ada", "Still here after a restart").status, 303u);
  ASSERT_EQ(*site_->storage().comments().SetState(std::vector<std::int64_t>{LastId()},
                                                   domain::CommentState::kApproved), 1);
  site_->Restart();
  EXPECT_NE(site_->Get(article_).body.find("Still here after a restart"), std::string::npos);
}

TEST(CommentsKill, AnApprovedCommentSurvivesAKill9) {
  TempDir tmp;
  const auto site = (tmp.path() / "site").string();
  {
    Process demo({"demo", site, "--articles", "5"}, tmp.path());
    ASSERT_EQ(demo.Wait(), std::optional<int>(0)) << demo.err();
  }
  const std::map<std::string, std::string> env = {{"GAZETTE_COMMENTS_MIN_SECONDS", "0"},
                                                  {"GAZETTE_SERVER_ACCESS_LOG", "false"}};
  const std::uint16_t port = FreePort();
  std::string article;
  {
    Process server({"serve", site, "--listen", "127.0.0.1:" + std::to_string(port)}, tmp.path(), env);
    ASSERT_TRUE(WaitUntilAccepting(port)) << server.err();
    article = Unescape(FirstValueAfter(Get(port, "/").body, R"(<a class="read-more" href=")"));
    const std::string token = HiddenInput(Get(port, article).body, "token");
    const auto posted = Request(port, "POST", article + "/comments",
                                {{"Content-Type", "application/x-www-form-urlencoded"}},
                                EncodeForm({{"name", "Ada"}, {"text", "Written before the crash"}, {"token", token}}));
    ASSERT_EQ(posted.status, 303u) << posted.body.substr(0, 500);
    // Approved through a second handle, as an editor's server would; then the first dies without warning.
    auto storage = storage::OpenSqliteStorage(std::filesystem::path(site) / "gazette.db",
                                              storage::SqliteOpenMode::kExisting);
    ASSERT_TRUE(storage.ok());
    auto rows = (*storage)->comments().ListQueue(std::nullopt, 0, 1);
    ASSERT_EQ(rows->size(), 1u);
    ASSERT_EQ(*(*storage)->comments().SetState(std::vector<std::int64_t>{(*rows)[0].comment.id},
                                                domain::CommentState::kApproved), 1);
    server.Signal(SIGKILL);
    server.Wait();
  }
  Process again({"serve", site, "--listen", "127.0.0.1:" + std::to_string(port)}, tmp.path(), env);
  ASSERT_TRUE(WaitUntilAccepting(port)) << again.err();
  EXPECT_NE(Get(port, article).body.find("Written before the crash"), std::string::npos);
  again.Signal(SIGTERM);
  EXPECT_EQ(again.Wait(), std::optional<int>(0));
}

}  // namespace
}  // namespace gazette::testing
