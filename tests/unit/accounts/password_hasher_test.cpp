#include "gazette/accounts/password_hasher.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace gazette::accounts {
namespace {

using ::testing::StartsWith;

TEST(PasswordHasher, MakesArgon2idHashesThatVerifyTheirPassword) {
  const PasswordHasher hasher(PasswordHashCost::Minimum());
  auto hash = hasher.Hash("correct horse battery staple");
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_THAT(*hash, StartsWith("$argon2id$"));
  EXPECT_TRUE(hasher.Verify(*hash, "correct horse battery staple"));
}

TEST(PasswordHasher, WrongPasswordsDoNotVerify) {
  const PasswordHasher hasher(PasswordHashCost::Minimum());
  auto hash = hasher.Hash("correct horse battery staple");
  ASSERT_TRUE(hash.ok());
  EXPECT_FALSE(hasher.Verify(*hash, "correct horse battery stapler"));
  EXPECT_FALSE(hasher.Verify(*hash, "Correct horse battery staple"));
  EXPECT_FALSE(hasher.Verify(*hash, ""));
}

TEST(PasswordHasher, SaltsEveryHash) {
  const PasswordHasher hasher(PasswordHashCost::Minimum());
  auto first = hasher.Hash("correct horse battery staple");
  auto second = hasher.Hash("correct horse battery staple");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(*first, *second);
}

TEST(PasswordHasher, MalformedHashesVerifyNothing) {
  const PasswordHasher hasher(PasswordHashCost::Minimum());
  EXPECT_FALSE(hasher.Verify("", "anything at all"));
  EXPECT_FALSE(hasher.Verify("$argon2id$garbage", "anything at all"));
  EXPECT_FALSE(hasher.Verify(std::string(500, '$'), "anything at all"));
  EXPECT_TRUE(hasher.NeedsRehash("$argon2id$garbage"));
}

TEST(PasswordHasher, NeedsRehashOnlyForAnotherCost) {
  const PasswordHasher cheap(PasswordHashCost::Minimum());
  PasswordHashCost dearer_cost = PasswordHashCost::Minimum();
  dearer_cost.ops_limit += 1;
  const PasswordHasher dearer(dearer_cost);
  auto hash = cheap.Hash("correct horse battery staple");
  ASSERT_TRUE(hash.ok());
  EXPECT_FALSE(cheap.NeedsRehash(*hash));
  EXPECT_TRUE(dearer.NeedsRehash(*hash));
  // A hash of another cost still verifies: the cost is read from the hash.
  EXPECT_TRUE(dearer.Verify(*hash, "correct horse battery staple"));
}

TEST(PasswordHasher, ProductionCostIsLibsodiumsInteractiveOne) {
  const PasswordHashCost interactive = PasswordHashCost::Interactive();
  const PasswordHashCost minimum = PasswordHashCost::Minimum();
  EXPECT_GT(interactive.ops_limit, minimum.ops_limit);
  EXPECT_EQ(interactive.mem_limit, std::size_t{64} << 20);
}

TEST(PasswordHasher, TheDummyHashHasTheRealCostAndMatchesNoPassword) {
  const PasswordHasher hasher(PasswordHashCost::Minimum());
  const std::string dummy = hasher.MakeDummyHash();
  EXPECT_EQ(dummy.rfind("$argon2id$v=19$", 0), 0u) << dummy;
  EXPECT_FALSE(hasher.NeedsRehash(dummy)) << "a verify against it must cost what a real one costs: " << dummy;
  EXPECT_FALSE(hasher.Verify(dummy, ""));
  EXPECT_FALSE(hasher.Verify(dummy, "password"));
  EXPECT_NE(dummy, hasher.MakeDummyHash());
  const PasswordHasher interactive(PasswordHashCost::Interactive());
  EXPECT_FALSE(interactive.NeedsRehash(interactive.MakeDummyHash()));
}

}  // namespace
}  // namespace gazette::accounts
