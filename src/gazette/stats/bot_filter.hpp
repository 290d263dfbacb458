#pragma once
/// BotFilter: recognises crawlers, bots and tools by User-Agent, from a list kept in the repository as data
/// (stats/bot_user_agents.txt, embedded in the binary): one case-insensitive substring per line.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::stats {

/// Immutable: thread-safe.
class BotFilter {
 public:
  /// The built-in list.
  static const BotFilter& Default();
  /// A list in the same format: '#' comments and blank lines ignored, one pattern per line.
  static BotFilter FromText(std::string_view text);

  /// True for a known bot. An empty User-Agent is the caller's to handle (not counted at all).
  bool IsBot(std::string_view user_agent) const;

  /// Patterns searched: those containing a shorter pattern of the list are dropped as implied.
  std::size_t size() const { return patterns_.size(); }

 private:
  // Patterns of kKeyBytes or more are found through their first kKeyBytes: a bitmap of those keys' hashes
  // says at which positions of the User-Agent a pattern may start, so most positions cost one bit test.
  static constexpr std::size_t kKeyBytes = 3;

  bool MatchesAt(std::string_view text, std::size_t position) const;

  std::vector<std::string> patterns_;  ///< lower-case; the short_count_ shorter than kKeyBytes first
  std::size_t short_count_ = 0;
  std::vector<std::uint16_t> keys_;      ///< key hash of patterns_[short_count_ + i], ascending
  std::vector<std::uint64_t> key_bits_;  ///< bit h set when some pattern's key hashes to h
};

}  // namespace gazette::stats
