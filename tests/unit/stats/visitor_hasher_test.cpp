#include "gazette/stats/visitor_hasher.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>
#include <string>

namespace gazette::stats {
namespace {

constexpr std::string_view kFirefox =
    "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";

storage::VisitorSalt Salt(std::uint8_t fill) {
  storage::VisitorSalt salt{};
  salt.fill(fill);
  return salt;
}

TEST(VisitorHasher, SameVisitorSameSaltSameIdentity) {
  const VisitorHasher hasher(Salt(1));
  const VisitorHasher again(Salt(1));
  EXPECT_EQ(hasher.Identity("203.0.113.9", kFirefox), hasher.Identity("203.0.113.9", kFirefox));
  EXPECT_EQ(hasher.Identity("203.0.113.9", kFirefox), again.Identity("203.0.113.9", kFirefox));
}

TEST(VisitorHasher, IsSipHashOfTheLengthPrefixedPair) {
  // Pins the encoding: a change would make the identities stored earlier today unrecognisable after an
  // upgrade, counting every returning visitor again.
  const storage::VisitorSalt salt = Salt(42);
  const unsigned char encoded[] = {2, 0, 0, 0, 0, 0, 0, 0, 'a', 'b', 'c'};
  unsigned char hash[crypto_shorthash_BYTES];
  crypto_shorthash(hash, encoded, sizeof(encoded), salt.data());
  std::uint64_t expected = 0;
  for (std::size_t i = 0; i < sizeof(hash); ++i) expected |= std::uint64_t{hash[i]} << (8 * i);
  EXPECT_EQ(VisitorHasher(salt).Identity("ab", "c"), expected);
}

TEST(VisitorHasher, NewSaltGivesNewIdentities) {
  const auto salt = VisitorHasher::NewSalt();
  const auto other = VisitorHasher::NewSalt();
  EXPECT_NE(salt, other);
  EXPECT_NE(VisitorHasher(salt).Identity("203.0.113.9", kFirefox),
            VisitorHasher(other).Identity("203.0.113.9", kFirefox));
  EXPECT_NE(VisitorHasher(Salt(1)).Identity("203.0.113.9", kFirefox),
            VisitorHasher(Salt(2)).Identity("203.0.113.9", kFirefox));
}

TEST(VisitorHasher, TellsApartAddressesAndAgents) {
  const VisitorHasher hasher(Salt(7));
  EXPECT_NE(hasher.Identity("203.0.113.9", kFirefox), hasher.Identity("203.0.113.8", kFirefox));
  EXPECT_NE(hasher.Identity("203.0.113.9", kFirefox), hasher.Identity("203.0.113.9", "curl/8.0"));
}

TEST(VisitorHasher, BoundaryBetweenAddressAndAgentIsUnambiguous) {
  const VisitorHasher hasher(Salt(3));
  EXPECT_NE(hasher.Identity("a b", "c"), hasher.Identity("a", "b c"));
  EXPECT_NE(hasher.Identity("1.2.3.4", "5"), hasher.Identity("1.2.3.45", ""));
  EXPECT_NE(hasher.Identity("", "x"), hasher.Identity("x", ""));
}

TEST(VisitorHasher, HashesLongAgentsWhole) {
  const VisitorHasher hasher(Salt(9));
  const std::string agent(4000, 'a');
  std::string other = agent;
  other.back() = 'b';
  EXPECT_EQ(hasher.Identity("203.0.113.9", agent), hasher.Identity("203.0.113.9", agent));
  EXPECT_NE(hasher.Identity("203.0.113.9", agent), hasher.Identity("203.0.113.9", other));
}

TEST(VisitorHasher, SpreadsIdentities) {
  const VisitorHasher hasher(Salt(5));
  std::set<std::uint64_t> identities;
  std::set<std::uint64_t> top_bits;
  for (int i = 0; i < 1000; ++i) {
    const auto identity =
        hasher.Identity("10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256), kFirefox);
    identities.insert(identity);
    top_bits.insert(identity >> 56);
  }
  EXPECT_EQ(identities.size(), 1000u);
  EXPECT_GT(top_bits.size(), 200u);  // the visitor set's buckets and stripes are picked by the top bits
}

}  // namespace
}  // namespace gazette::stats
