#include "gazette/http/brotli_compress.hpp"

#include <gtest/gtest.h>

#include <string>

#include "spliced_samples.hpp"

namespace gazette::http {
namespace {

TEST(CompressBrotli, RoundTripsAtEveryQuality) {
  samples::Random random(9);
  const std::string page = samples::NewsHtml(random, 30000);
  for (const int quality : {-1, 0, 1, 5, 9, 11, 99}) {
    const std::string encoded = CompressBrotli(page, quality);
    EXPECT_LT(encoded.size(), page.size() / 2) << quality;
    EXPECT_EQ(samples::Unbrotli(encoded, page.size()), page) << quality;
  }
}

TEST(CompressBrotli, HandlesEmptyAndIncompressibleBodies) {
  EXPECT_EQ(samples::Unbrotli(CompressBrotli("", 11), 0), "");
  samples::Random random(10);
  std::string noise(5000, '\0');
  for (char& c : noise) c = static_cast<char>(samples::Uniform(random, 0, 255));
  const std::string encoded = CompressBrotli(noise, 11);
  EXPECT_LE(encoded.size(), noise.size() + 8);  // stored as uncompressed meta-blocks, not expanded
  EXPECT_EQ(samples::Unbrotli(encoded, noise.size()), noise);
}

}  // namespace
}  // namespace gazette::http
