#include "gazette/http/spliced_encoding.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "spliced_samples.hpp"

namespace gazette::http {
namespace {

using samples::Gunzip;
using samples::Interleave;
using samples::Joined;
using samples::Views;

const std::vector<std::string> kChunks = {"<p>Today ", " | All ", "</p><p>", "</p>"};
const std::vector<std::string> kLive = {"3,256", "53,860,060", "Friday, 2.01.2026"};

SplicedBody SpliceOnce(const SplicedEncoding& encoding, const std::vector<std::string>& live) {
  SplicedBody body;
  const auto views = Views(live);
  encoding.Splice(views, body);
  return body;
}

TEST(SplicedEncoding, IdentityInterleavesChunksAndLiveValues) {
  const auto chunks = Views(kChunks);
  const SplicedEncoding identity = SplicedEncoding::Identity(chunks);
  EXPECT_EQ(identity.coding(), ContentCoding::kIdentity);
  EXPECT_EQ(identity.slots(), 3u);
  const SplicedBody body = SpliceOnce(identity, kLive);
  EXPECT_EQ(Joined(body), "<p>Today 3,256 | All 53,860,060</p><p>Friday, 2.01.2026</p>");
  EXPECT_EQ(body.size(), Joined(body).size());
}

TEST(SplicedEncoding, NoChunksIsAnEmptyBodyWithoutSlots) {
  for (const auto& make : std::vector<std::function<SplicedEncoding()>>{
           [] { return SplicedEncoding::Identity({}); }, [] { return SplicedEncoding::Gzip({}, 6); },
           [] { return SplicedEncoding::Brotli({}); }}) {
    const SplicedEncoding encoding = make();
    EXPECT_EQ(encoding.slots(), 0u);
    const SplicedBody body = SpliceOnce(encoding, {});
    switch (encoding.coding()) {
      case ContentCoding::kGzip:
        EXPECT_EQ(Gunzip(Joined(body)), "");
        break;
      case ContentCoding::kBrotli:
        EXPECT_EQ(samples::Unbrotli(Joined(body), 0), "");
        break;
      case ContentCoding::kIdentity:
        EXPECT_EQ(body.size(), 0u);
        break;
    }
  }
}

TEST(SplicedEncoding, GzipRoundTripsThroughInflate) {
  const auto chunks = Views(kChunks);
  const SplicedEncoding gzip = SplicedEncoding::Gzip(chunks, 6);
  EXPECT_EQ(gzip.coding(), ContentCoding::kGzip);
  EXPECT_EQ(gzip.slots(), 3u);
  EXPECT_EQ(Gunzip(Joined(SpliceOnce(gzip, kLive))), Interleave(kChunks, kLive));
  EXPECT_EQ(Gunzip(Joined(SpliceOnce(gzip, {"", "", ""}))), Interleave(kChunks, {}));
}

TEST(SplicedEncoding, GzipAcceptsEveryLevelAndClampsOthers) {
  const auto chunks = Views(kChunks);
  for (const int level : {-5, 0, 1, 6, 9, 42}) {
    EXPECT_EQ(Gunzip(Joined(SpliceOnce(SplicedEncoding::Gzip(chunks, level), kLive))),
              Interleave(kChunks, kLive))
        << level;
  }
}

TEST(SplicedEncoding, GzipSplitsLongLiveValuesIntoStoredBlocks) {
  const auto chunks = Views(kChunks);
  const SplicedEncoding gzip = SplicedEncoding::Gzip(chunks, 6);
  // 65,535 is one full stored block; one more byte needs a second block; 70,000 binary bytes too.
  std::string binary(70000, '\0');
  for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 131 + i / 7);
  const std::vector<std::string> live = {std::string(65535, 'a'), std::string(65536, '\0'), binary};
  const SplicedBody body = SpliceOnce(gzip, live);
  EXPECT_EQ(Gunzip(Joined(body)), Interleave(kChunks, live));
  // Framing: 1 + 2 + 2 stored blocks of 5 header bytes, and the 8-byte trailer.
  EXPECT_EQ(body.scratch.size(), 65535u + 65536u + 70000u + 5 * 5u + 8u);
}

TEST(SplicedEncoding, GzipToleratesEmptyChunksEverywhere) {
  const std::vector<std::string> chunks(9, "");
  const auto views = Views(chunks);
  const SplicedEncoding gzip = SplicedEncoding::Gzip(views, 6);
  const std::vector<std::string> live = {"a", "", "bb", "", "", "ccc", "", "\xff"};
  EXPECT_EQ(Gunzip(Joined(SpliceOnce(gzip, live))), Interleave(chunks, live));
  EXPECT_EQ(Gunzip(Joined(SpliceOnce(gzip, std::vector<std::string>(8)))), "");
}

TEST(SplicedEncoding, MissingLiveValuesCountAsEmptyAndExtraOnesAreIgnored) {
  const auto chunks = Views(kChunks);
  const SplicedEncoding gzip = SplicedEncoding::Gzip(chunks, 6);
  EXPECT_EQ(Gunzip(Joined(SpliceOnce(gzip, {"1"}))), Interleave(kChunks, {"1"}));
  EXPECT_EQ(Gunzip(Joined(SpliceOnce(gzip, {"1", "2", "3", "4", "5"}))),
            Interleave(kChunks, {"1", "2", "3"}));
}

TEST(SplicedEncoding, SpliceReferencesTheStaticBytesInsteadOfCopyingThem) {
  samples::Random random(3);
  const std::string page = samples::NewsHtml(random, 30000);
  const std::vector<std::string> chunks = samples::CutIntoChunks(random, page, 4);
  const auto views = Views(chunks);
  for (const SplicedEncoding& encoding :
       {SplicedEncoding::Identity(views), SplicedEncoding::Gzip(views, 6), SplicedEncoding::Brotli(views)}) {
    const SplicedBody first = SpliceOnce(encoding, {"1", "22", "333", "Friday"});
    const SplicedBody second = SpliceOnce(encoding, {"4444", "55555", "", "Saturday"});
    // Only the live values, their framing and the trailer are the answer's own bytes.
    EXPECT_LT(first.scratch.size(), 64u);
    EXPECT_GE(encoding.stored_bytes(), first.size() - first.scratch.size());
    // Every static piece is the very same memory in both answers: it lives in the encoding.
    std::vector<const char*> static_first, static_second;
    const auto in = [](const SplicedBody& body, std::string_view piece) {
      return piece.data() >= body.scratch.data() && piece.data() < body.scratch.data() + body.scratch.size();
    };
    for (const std::string_view piece : first.pieces) {
      if (!in(first, piece)) static_first.push_back(piece.data());
    }
    for (const std::string_view piece : second.pieces) {
      if (!in(second, piece)) static_second.push_back(piece.data());
    }
    EXPECT_FALSE(static_first.empty());
    EXPECT_EQ(static_first, static_second);
  }
}

TEST(SplicedEncoding, ReusedBodyIsRebuiltFromScratch) {
  const auto chunks = Views(kChunks);
  const SplicedEncoding gzip = SplicedEncoding::Gzip(chunks, 6);
  SplicedBody body;
  for (const std::vector<std::string>& live :
       std::vector<std::vector<std::string>>{{std::string(70000, 'x'), "1", "2"},
                                             {"3", "4", "5"},
                                             {"", "", ""},
                                             {"6", std::string(100, 'y'), ""}}) {
    const auto views = Views(live);
    gzip.Splice(views, body);
    EXPECT_EQ(Gunzip(Joined(body)), Interleave(kChunks, live));
    for (const std::string_view piece : body.pieces) EXPECT_FALSE(piece.empty());
  }
}

TEST(SplicedEncoding, GzipRoundTripsRandomPagesAndLiveValues) {
  samples::Random random(11);
  for (int page_round = 0; page_round < 120; ++page_round) {
    const std::size_t slots = samples::Uniform(random, 0, 8);
    const std::string page = samples::SampleText(random, samples::Uniform(random, 0, 40000));
    const std::vector<std::string> chunks = samples::CutIntoChunks(random, page, slots);
    const auto views = Views(chunks);
    const SplicedEncoding gzip =
        SplicedEncoding::Gzip(views, static_cast<int>(samples::Uniform(random, 1, 9)));
    ASSERT_EQ(gzip.slots(), slots);
    for (int live_round = 0; live_round < 10; ++live_round) {
      std::vector<std::string> live;
      for (std::size_t i = 0; i < slots; ++i) live.push_back(samples::LiveValue(random, page));
      ASSERT_EQ(Gunzip(Joined(SpliceOnce(gzip, live))), Interleave(chunks, live))
          << "page round " << page_round << ", live round " << live_round;
    }
  }
}

}  // namespace
}  // namespace gazette::http
