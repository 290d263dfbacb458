// CommentStore behaviour, run against every backend (storage_fixture.hpp).
#include <gmock/gmock.h>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

using domain::CommentState;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

class CommentStoreTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    article_ = Add(NewArticle("first", kNow - kDay));
    other_ = Add(NewArticle("second", kNow - kDay));
  }

  CommentStore& comments() { return storage().comments(); }

  std::int64_t Post(std::int64_t article, const std::string& text, CommentState state = CommentState::kApproved,
                    std::optional<std::int64_t> parent = std::nullopt, const std::string& email = "",
                    const std::string& ip = "ip-a", Timestamp at = kNow) {
    domain::Comment c;
    c.article_id = article;
    c.parent_id = parent;
    c.name = "Reader";
    c.email = email;
    c.text = text;
    c.state = state;
    c.created_at = at;
    c.ip_hash = ip;
    auto id = comments().Insert(c);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  std::vector<std::int64_t> ApprovedIds(std::int64_t article) {
    auto rows = comments().ListApproved(article);
    EXPECT_TRUE(rows.ok());
    std::vector<std::int64_t> ids;
    for (const auto& c : *rows) ids.push_back(c.id);
    return ids;
  }

  std::int64_t article_ = 0;
  std::int64_t other_ = 0;
};

TEST_P(CommentStoreTest, StoredTextComesBackByteForByte) {
  // Right-to-left text, emoji with a joiner and a combining mark.
  const std::string text = "\u05e9\u05dc\u05d5\u05dd \U0001F469\u200D\U0001F4BB e\u0301\nline two";
  const std::int64_t id = Post(article_, text, CommentState::kPending, std::nullopt, "a@example.org");
  auto found = comments().Find(id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->text, text);
  EXPECT_EQ(found->email, "a@example.org");
  EXPECT_EQ(found->state, CommentState::kPending);
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_EQ(found->ip_hash, "ip-a");
}

TEST_P(CommentStoreTest, OnlyApprovedCommentsAreListedOldestFirst) {
  const std::int64_t late = Post(article_, "late", CommentState::kApproved, std::nullopt, "", "ip", kNow);
  const std::int64_t early = Post(article_, "early", CommentState::kApproved, std::nullopt, "", "ip", kNow - kDay);
  Post(article_, "waiting", CommentState::kPending);
  Post(article_, "junk", CommentState::kSpam);
  Post(other_, "elsewhere");
  EXPECT_THAT(ApprovedIds(article_), ElementsAre(early, late));
}

TEST_P(CommentStoreTest, LatestApprovedCommentsComeNewestFirstUpToTheLimit) {
  const std::int64_t oldest =
      Post(article_, "oldest", CommentState::kApproved, std::nullopt, "", "ip", kNow - kDay);
  const std::int64_t same_a = Post(article_, "same a", CommentState::kApproved, std::nullopt, "", "ip", kNow);
  const std::int64_t same_b = Post(article_, "same b", CommentState::kApproved, std::nullopt, "", "ip", kNow);
  Post(article_, "waiting", CommentState::kPending, std::nullopt, "", "ip", kNow + kDay);
  Post(article_, "refused", CommentState::kRejected, std::nullopt, "", "ip", kNow + kDay);
  Post(article_, "junk", CommentState::kSpam, std::nullopt, "", "ip", kNow + kDay);
  Post(other_, "elsewhere", CommentState::kApproved, std::nullopt, "", "ip", kNow + kDay);
  const auto ids = [this](std::int64_t limit) {
    auto rows = comments().ListLatestApproved(article_, limit);
    EXPECT_TRUE(rows.ok());
    std::vector<std::int64_t> out;
    if (rows.ok()) {
      for (const auto& c : *rows) out.push_back(c.id);
    }
    return out;
  };
  EXPECT_THAT(ids(10), ElementsAre(same_b, same_a, oldest));
  EXPECT_THAT(ids(2), ElementsAre(same_b, same_a));
  EXPECT_THAT(ids(0), IsEmpty());
  EXPECT_EQ(comments().ListLatestApproved(article_, -1).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(comments().ListLatestApproved(article_, kMaxCommentListLimit + 1).error().code,
            ErrorCode::kInvalid);
}

TEST_P(CommentStoreTest, CountsForSeveralArticlesComeFromOneCall) {
  Post(article_, "a");
  Post(article_, "b");
  Post(article_, "c", CommentState::kPending);
  Post(other_, "d", CommentState::kRejected);
  const std::vector<std::int64_t> ids{article_, other_, 999};
  auto counts = comments().CountApproved(ids);
  ASSERT_TRUE(counts.ok());
  EXPECT_THAT(*counts, ElementsAre(Pair(article_, 2)));
  EXPECT_THAT(*comments().CountApproved({}), IsEmpty());
}

TEST_P(CommentStoreTest, DuplicatesAreTheSameTextOnTheArticleOrFromTheSenderSince) {
  Post(article_, "same words", CommentState::kPending, std::nullopt, "", "ip-a", kNow - kDay / 2);
  EXPECT_TRUE(*comments().IsDuplicate(article_, "same words", "ip-b", kNow - kDay));
  EXPECT_TRUE(*comments().IsDuplicate(other_, "same words", "ip-a", kNow - kDay));
  EXPECT_FALSE(*comments().IsDuplicate(other_, "same words", "ip-a", kNow - kDay / 4));
  EXPECT_FALSE(*comments().IsDuplicate(other_, "same words", "ip-b", kNow - kDay));
  EXPECT_FALSE(*comments().IsDuplicate(article_, "other words", "ip-a", kNow - kDay));
}

TEST_P(CommentStoreTest, AnEmailIsTrustedOnlyOnceApproved) {
  const std::int64_t id = Post(article_, "hello", CommentState::kPending, std::nullopt, "r@example.org");
  EXPECT_FALSE(*comments().HasApprovedEmail("r@example.org"));
  EXPECT_FALSE(*comments().HasApprovedEmail(""));
  ASSERT_EQ(*comments().SetState(std::vector<std::int64_t>{id}, CommentState::kApproved), 1);
  EXPECT_TRUE(*comments().HasApprovedEmail("r@example.org"));
}

TEST_P(CommentStoreTest, TheQueueFiltersByStateNewestFirstAndPages) {
  const std::int64_t a = Post(article_, "a", CommentState::kPending, std::nullopt, "", "ip", kNow - kDay);
  const std::int64_t b = Post(article_, "b", CommentState::kPending, std::nullopt, "", "ip", kNow);
  Post(other_, "c", CommentState::kSpam);
  auto pending = comments().ListQueue(CommentState::kPending, 0, 10);
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ((*pending)[0].comment.id, b);
  EXPECT_EQ((*pending)[1].comment.id, a);
  EXPECT_EQ((*pending)[0].article_title, "Title of first");
  EXPECT_EQ(comments().ListQueue(std::nullopt, 2, 10)->size(), 1u);
  EXPECT_EQ(*comments().CountInState(CommentState::kPending), 2);
  EXPECT_EQ(*comments().CountInState(std::nullopt), 3);
  EXPECT_EQ(comments().ListQueue(std::nullopt, -1, 10).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(comments().ListQueue(std::nullopt, 0, kMaxCommentListLimit + 1).error().code, ErrorCode::kInvalid);
}

TEST_P(CommentStoreTest, BulkChangesCountOnlyExistingComments) {
  const std::int64_t a = Post(article_, "a", CommentState::kPending);
  const std::int64_t b = Post(article_, "b", CommentState::kPending);
  EXPECT_EQ(*comments().SetState(std::vector<std::int64_t>{a, b, 12345}, CommentState::kApproved), 2);
  EXPECT_THAT(ApprovedIds(article_), ElementsAre(a, b));
  EXPECT_EQ(*comments().Delete(std::vector<std::int64_t>{a, 12345}), 1);
  EXPECT_THAT(ApprovedIds(article_), ElementsAre(b));
}

TEST_P(CommentStoreTest, DeletingACommentDeletesItsReplies) {
  const std::int64_t parent = Post(article_, "parent");
  Post(article_, "reply", CommentState::kApproved, parent);
  ASSERT_EQ(*comments().Delete(std::vector<std::int64_t>{parent}), 1);
  EXPECT_THAT(ApprovedIds(article_), IsEmpty());
}

TEST_P(CommentStoreTest, EditingReplacesTheFields) {
  const std::int64_t id = Post(article_, "typo");
  ASSERT_TRUE(comments().Update(id, "New name", "n@example.org", "fixed").ok());
  auto found = comments().Find(id);
  EXPECT_EQ(found->name, "New name");
  EXPECT_EQ(found->text, "fixed");
  EXPECT_EQ(comments().Update(999, "n", "", "t").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(comments().Update(id, "", "", "t").error().code, ErrorCode::kInvalid);
}

TEST_P(CommentStoreTest, CommentsOnMissingArticlesAndOverlongFieldsAreRefused) {
  domain::Comment c;
  c.article_id = 98765;
  c.name = "n";
  c.text = "t";
  c.ip_hash = "x";
  EXPECT_EQ(comments().Insert(c).error().code, ErrorCode::kNotFound);
  c.article_id = article_;
  c.text = std::string(kMaxCommentTextBytes + 1, 'x');
  EXPECT_EQ(comments().Insert(c).error().code, ErrorCode::kInvalid);
  c.text = "";
  EXPECT_EQ(comments().Insert(c).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(*comments().CountInState(std::nullopt), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, CommentStoreTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
