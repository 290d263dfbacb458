// The brotli splice is exact only because of properties of the quality-1 encoder (detail/brotli_chunks.hpp):
// these round trips through the reference decoder are what allows shipping it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gazette/http/spliced_encoding.hpp"
#include "spliced_samples.hpp"

namespace gazette::http {
namespace {

using samples::Interleave;
using samples::Joined;
using samples::Views;

std::string SpliceAndDecode(const SplicedEncoding& encoding, const std::vector<std::string>& chunks,
                            const std::vector<std::string>& live) {
  SplicedBody body;
  const auto views = Views(live);
  encoding.Splice(views, body);
  return samples::Unbrotli(Joined(body), Interleave(chunks, live).size());
}

TEST(SplicedBrotli, RoundTripsThroughTheDecoder) {
  const std::vector<std::string> chunks = {"<p>Today ", " | All ", "</p><p>", "</p>"};
  const auto views = Views(chunks);
  const SplicedEncoding brotli = SplicedEncoding::Brotli(views);
  EXPECT_EQ(brotli.coding(), ContentCoding::kBrotli);
  EXPECT_EQ(brotli.slots(), 3u);
  for (const std::vector<std::string>& live : std::vector<std::vector<std::string>>{
           {"3,256", "53,860,060", "Friday, 2.01.2026"}, {"", "", ""}, {"Today ", "</p>", "<p>Today "}}) {
    EXPECT_EQ(SpliceAndDecode(brotli, chunks, live), Interleave(chunks, live));
  }
}

TEST(SplicedBrotli, SplitsLongLiveValuesIntoMetaBlocksOf64KiB) {
  const std::vector<std::string> chunks = {"a", "b", "c", "d", ""};
  const auto views = Views(chunks);
  const SplicedEncoding brotli = SplicedEncoding::Brotli(views);
  std::string binary(70000, '\0');
  for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 131 + i / 7);
  // 65,536 fills one meta-block's four MLEN nibbles exactly; 65,537 needs a second block.
  const std::vector<std::string> live = {std::string(65536, 'a'), std::string(65537, 'b'), binary,
                                         std::string(1, '\0')};
  SplicedBody body;
  const auto live_views = Views(live);
  brotli.Splice(live_views, body);
  EXPECT_EQ(body.scratch.size(), 65536u + 65537u + 70000u + 1u + 6 * 3u);
  EXPECT_EQ(samples::Unbrotli(Joined(body), Interleave(chunks, live).size()), Interleave(chunks, live));
}

TEST(SplicedBrotli, ToleratesEmptyChunksEverywhere) {
  const std::vector<std::string> chunks(9, "");
  const auto views = Views(chunks);
  const SplicedEncoding brotli = SplicedEncoding::Brotli(views);
  const std::vector<std::string> live = {"a", "", "bb", "", "", "ccc", "", "\xff"};
  EXPECT_EQ(SpliceAndDecode(brotli, chunks, live), Interleave(chunks, live));
  EXPECT_EQ(SpliceAndDecode(brotli, chunks, std::vector<std::string>(8)), "");
}

TEST(SplicedBrotli, RoundTripsThousandsOfRandomPagesAndLiveValues) {
  samples::Random random(5);
  int decoded = 0;
  for (int page_round = 0; page_round < 300; ++page_round) {
    const std::size_t slots = samples::Uniform(random, 0, 8);
    const std::string page = samples::SampleText(random, samples::Uniform(random, 0, 60000));
    const std::vector<std::string> chunks = samples::CutIntoChunks(random, page, slots);
    const auto views = Views(chunks);
    const SplicedEncoding brotli = SplicedEncoding::Brotli(views);
    ASSERT_EQ(brotli.slots(), slots);
    for (int live_round = 0; live_round < 10; ++live_round) {
      std::vector<std::string> live;
      for (std::size_t i = 0; i < slots; ++i) live.push_back(samples::LiveValue(random, page));
      ASSERT_EQ(SpliceAndDecode(brotli, chunks, live), Interleave(chunks, live))
          << "page round " << page_round << ", live round " << live_round;
      ++decoded;
    }
  }
  EXPECT_EQ(decoded, 3000);
}

}  // namespace
}  // namespace gazette::http
