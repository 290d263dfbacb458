#pragma once
/// Random: a small deterministic generator (SplitMix64) for demo content. std:: distributions are not
/// used because their output may differ between standard library versions, and the demo must not.

#include <cstdint>
#include <span>

namespace gazette::demo {

/// Not thread-safe; cheap to copy. The same seed gives the same sequence everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  /// A generator for item `index` of a stream, independent of every other index (so that items can be
  /// made in any order, on any thread, with the same result).
  static Random ForItem(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
    Random mix(seed ^ (stream * 0xD6E8FEB86659FD93ULL));
    const std::uint64_t base = mix.Next();
    return Random(base ^ (index * 0x9E3779B97F4A7C15ULL));
  }

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  /// Uniform in [0, bound); bound > 0. The tiny modulo bias does not matter for demo text.
  std::uint64_t Below(std::uint64_t bound) { return Next() % bound; }
  /// Uniform in [low, high].
  std::int64_t Between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(Below(static_cast<std::uint64_t>(high - low + 1)));
  }
  /// True with probability percent / 100.
  bool Percent(int percent) { return Below(100) < static_cast<std::uint64_t>(percent); }
  /// Uniform in [0, 1).
  double Fraction() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }

 private:
  std::uint64_t state_;
};

}  // namespace gazette::demo
