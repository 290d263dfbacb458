// CommentService: each anti-spam check refuses on its own and stores nothing; moderation needs the right.
#include "gazette/comments/comment_service.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "support/temp_dir.hpp"

namespace gazette::comments {
namespace {

using domain::CommentState;
using std::chrono::seconds;
using ::testing::HasSubstr;

const Timestamp kNow = TimestampFromUnix(1767355200);

class CommentServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = storage::OpenSqliteStorage(dir_.path() / "gazette.db", storage::SqliteOpenMode::kCreate);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    storage_ = std::move(opened).value();
    auto category = storage_->catalog().CreateCategory({0, std::nullopt, "news", "News", "", 0});
    auto author = storage_->catalog().CreateAuthor({0, "ada", "Ada", "", "", "", ""});
    ASSERT_TRUE(category.ok() && author.ok());
    article_.title = "Title";
    article_.slug = "title";
    article_.category_id = *category;
    article_.author_id = *author;
    article_.state = domain::ArticleState::kPublished;
    article_.publish_at = kNow - seconds(86400);
    auto id = storage_->articles().Create(article_, kNow - seconds(86400));
    ASSERT_TRUE(id.ok()) << id.error().message;
    article_.id = *id;
    Open({});
  }

  void Open(CommentOptions options) {
    service_.reset();
    auto service = CommentService::Open(*storage_, clock_, options);
    ASSERT_TRUE(service.ok()) << service.error().message;
    service_ = std::move(service).value();
  }

  /// A submission from a form shown five seconds ago.
  CommentSubmission Form(const std::string& text, const std::string& ip = "192.0.2.1") {
    clock_.Set(kNow - seconds(5));
    CommentSubmission s;
    s.name = "Reader";
    s.email = "reader@example.org";
    s.text = text;
    s.token = service_->IssueFormToken(article_.id);
    s.client_ip = ip;
    clock_.Set(kNow);
    return s;
  }

  std::string Refusal(const CommentSubmission& s) {
    auto result = service_->Submit(article_, s);
    if (result.ok()) return "(accepted)";
    EXPECT_EQ(result.error().code, ErrorCode::kInvalid);
    return result.error().message;
  }

  std::int64_t Stored() { return *storage_->comments().CountInState(std::nullopt); }

  domain::User Editor() { return domain::User{1, "e@example.org", "Ed", domain::Role::kEditor, {}, false, {}}; }

  gazette::testing::TempDir dir_;
  std::unique_ptr<storage::Storage> storage_;
  ManualClock clock_{kNow};
  domain::Article article_;
  std::unique_ptr<CommentService> service_;
};

TEST_F(CommentServiceTest, AGoodCommentWaitsForModeration) {
  auto accepted = service_->Submit(article_, Form("Well said."));
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;
  EXPECT_EQ(accepted->state, CommentState::kPending);
  auto stored = storage_->comments().Find(accepted->id);
  EXPECT_EQ(stored->text, "Well said.");
  EXPECT_EQ(stored->created_at, kNow);
  // The address is kept only as its keyed hash.
  EXPECT_EQ(stored->ip_hash, service_->HashAddress("192.0.2.1"));
  EXPECT_EQ(stored->ip_hash.size(), 32u);
}

TEST_F(CommentServiceTest, ClosedCommentsAreForbidden) {
  article_.comments_open = false;
  auto result = service_->Submit(article_, Form("Hello"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(Stored(), 0);
}

TEST_F(CommentServiceTest, AFilledHoneypotIsRefused) {
  auto s = Form("Hello");
  s.honeypot = "http://spam.example";
  EXPECT_THAT(Refusal(s), HasSubstr("program"));
  EXPECT_EQ(Stored(), 0);
}

TEST_F(CommentServiceTest, AFormSentTooQuicklyIsRefused) {
  clock_.Set(kNow);
  auto s = Form("Hello");
  s.token = service_->IssueFormToken(article_.id);  // shown this very second
  EXPECT_THAT(Refusal(s), HasSubstr("too quickly"));
  EXPECT_EQ(Stored(), 0);
}

TEST_F(CommentServiceTest, AMissingForgedOrExpiredTokenIsRefused) {
  auto s = Form("Hello");
  s.token = "";
  EXPECT_THAT(Refusal(s), HasSubstr("could not be checked"));
  s = Form("Hello");
  s.token[10] = s.token[10] == 'x' ? 'y' : 'x';
  EXPECT_THAT(Refusal(s), HasSubstr("could not be checked"));
  s = Form("Hello");
  clock_.Set(kNow + kMaxFormAge + seconds(10));
  EXPECT_THAT(Refusal(s), HasSubstr("expired"));
  EXPECT_EQ(Stored(), 0);
}

TEST_F(CommentServiceTest, TooManyLinksAreRefused) {
  EXPECT_THAT(Refusal(Form("http://a.org http://b.org http://c.org http://d.org")), HasSubstr("at most 3 links"));
  EXPECT_EQ(Refusal(Form("http://a.org http://b.org http://c.org")), "(accepted)");
  EXPECT_EQ(Stored(), 1);
}

TEST_F(CommentServiceTest, TheSameTextTwiceIsADuplicate) {
  EXPECT_EQ(Refusal(Form("First!")), "(accepted)");
  EXPECT_THAT(Refusal(Form("First!", "198.51.100.7")), HasSubstr("already"));
  EXPECT_EQ(Stored(), 1);
}

TEST_F(CommentServiceTest, TheSixthCommentInTenMinutesIsRefused) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Refusal(Form("Comment " + std::to_string(i))), "(accepted)");
  EXPECT_THAT(Refusal(Form("Comment 6")), HasSubstr("several comments"));
  EXPECT_EQ(Refusal(Form("From elsewhere", "198.51.100.7")), "(accepted)");
  EXPECT_EQ(Stored(), 6);
}

TEST_F(CommentServiceTest, BadFieldsAreRefusedWithTheirMessage) {
  auto s = Form("");
  EXPECT_THAT(Refusal(s), HasSubstr("write a comment"));
  s = Form("Hello");
  s.name = std::string(101, 'n');
  EXPECT_THAT(Refusal(s), HasSubstr("at most 100"));
  EXPECT_EQ(Stored(), 0);
}

TEST_F(CommentServiceTest, TrustedModerationPublishesKnownAddressesAtOnce) {
  Open({.moderation = ModerationMode::kTrusted});
  auto first = service_->Submit(article_, Form("First"));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->state, CommentState::kPending);
  ASSERT_EQ(*service_->Moderate(Editor(), std::vector<std::int64_t>{first->id}, ModerationAction::kApprove), 1);
  auto second = service_->Submit(article_, Form("Second"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->state, CommentState::kApproved);
  auto stranger = Form("Third");
  stranger.email = "new@example.org";
  EXPECT_EQ(service_->Submit(article_, stranger)->state, CommentState::kPending);
}

TEST_F(CommentServiceTest, ARepliesToARepliesJoinsTheThread) {
  auto top = service_->Submit(article_, Form("Top"));
  ASSERT_EQ(*service_->Moderate(Editor(), std::vector<std::int64_t>{top->id}, ModerationAction::kApprove), 1);
  auto reply_form = Form("Reply");
  reply_form.parent = std::to_string(top->id);
  auto reply = service_->Submit(article_, reply_form);
  ASSERT_TRUE(reply.ok());
  ASSERT_EQ(*service_->Moderate(Editor(), std::vector<std::int64_t>{reply->id}, ModerationAction::kApprove), 1);
  auto nested_form = Form("Reply to reply");
  nested_form.parent = std::to_string(reply->id);
  auto nested = service_->Submit(article_, nested_form);
  ASSERT_TRUE(nested.ok());
  EXPECT_EQ(storage_->comments().Find(nested->id)->parent_id, top->id);
  auto unknown = Form("To nothing");
  unknown.parent = "99999";
  EXPECT_THAT(Refusal(unknown), HasSubstr("no longer there"));
}

TEST_F(CommentServiceTest, OnlyModeratorsModerate) {
  auto accepted = service_->Submit(article_, Form("Hello"));
  domain::User author = Editor();
  author.role = domain::Role::kAuthor;
  EXPECT_EQ(service_->Moderate(author, std::vector<std::int64_t>{accepted->id}, ModerationAction::kApprove)
                .error()
                .code,
            ErrorCode::kForbidden);
  EXPECT_EQ(service_->Edit(author, accepted->id, "n", "", "t").error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(service_->Edit(Editor(), accepted->id, "Name", "", "Edited").ok());
  EXPECT_EQ(storage_->comments().Find(accepted->id)->text, "Edited");
  EXPECT_EQ(service_->Edit(Editor(), accepted->id, "Name", "", "").error().code, ErrorCode::kInvalid);
}

TEST_F(CommentServiceTest, TheKeysSurviveAReopen) {
  clock_.Set(kNow - seconds(5));
  const std::string token = service_->IssueFormToken(article_.id);
  const std::string hash = service_->HashAddress("192.0.2.1");
  Open({});
  EXPECT_EQ(service_->HashAddress("192.0.2.1"), hash);
  CommentSubmission s = Form("After restart");
  s.token = token;
  EXPECT_EQ(Refusal(s), "(accepted)");
}

}  // namespace
}  // namespace gazette::comments
