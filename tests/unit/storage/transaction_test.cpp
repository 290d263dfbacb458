// Storage::InTransaction, run against every backend (storage_fixture.hpp).
#include <gmock/gmock.h>

#include <stdexcept>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

class TransactionTest : public StorageTest {
 protected:
  bool Exists(const std::string& slug) { return catalog().FindTagBySlug(slug).ok(); }
  Status CreateTag(const std::string& slug) {
    auto id = catalog().CreateTag({0, slug, slug});
    if (!id.ok()) return std::move(id).error();
    return OkStatus();
  }
};

TEST_P(TransactionTest, CommitsWhenWorkSucceeds) {
  Status s = storage().InTransaction([&] { return CreateTag("kept"); });
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_TRUE(Exists("kept"));
}

TEST_P(TransactionTest, RollsBackWhenWorkFails) {
  Status s = storage().InTransaction([&]() -> Status {
    EXPECT_TRUE(CreateTag("dropped").ok());
    return MakeError(ErrorCode::kInvalid, "changed my mind");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "changed my mind");
  EXPECT_FALSE(Exists("dropped"));
}

TEST_P(TransactionTest, RollsBackAndRethrowsOnException) {
  EXPECT_THROW(storage().InTransaction([&]() -> Status {
    EXPECT_TRUE(CreateTag("thrown").ok());
    throw std::runtime_error("bug");
  }),
               std::runtime_error);
  EXPECT_FALSE(Exists("thrown"));
  // The connection is usable afterwards.
  EXPECT_TRUE(storage().InTransaction([&] { return CreateTag("after"); }).ok());
}

TEST_P(TransactionTest, NestedFailureUndoesOnlyTheInnerWork) {
  Status s = storage().InTransaction([&]() -> Status {
    EXPECT_TRUE(CreateTag("outer").ok());
    Status inner = storage().InTransaction([&]() -> Status {
      EXPECT_TRUE(CreateTag("inner").ok());
      return MakeError(ErrorCode::kConflict, "inner fails");
    });
    EXPECT_FALSE(inner.ok());
    return OkStatus();
  });
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(Exists("outer"));
  EXPECT_FALSE(Exists("inner"));
}

TEST_P(TransactionTest, OuterFailureUndoesCommittedInnerWork) {
  Status s = storage().InTransaction([&]() -> Status {
    EXPECT_TRUE(storage().InTransaction([&] { return CreateTag("inner"); }).ok());
    return MakeError(ErrorCode::kInvalid, "outer fails");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_FALSE(Exists("inner"));
}

TEST_P(TransactionTest, FailedCreateInsideATransactionKeepsEarlierWork) {
  Status s = storage().InTransaction([&]() -> Status {
    EXPECT_TRUE(articles().Create(NewArticle("first", kNow), kNow).ok());
    EXPECT_EQ(articles().Create(NewArticle("first", kNow), kNow).error().code, ErrorCode::kConflict);
    return OkStatus();
  });
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(articles().FindVisibleBySlug("first", kNow).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, TransactionTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
