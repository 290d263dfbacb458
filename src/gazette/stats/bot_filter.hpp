#pragma once
/// BotFilter: recognises crawlers, bots and tools by User-Agent, from a list kept in the repository as data
/// (stats/bot_user_agents.txt, embedded in the binary): one case-insensitive substring per line.

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

  std::size_t size() const { return patterns_.size(); }

 private:
  std::vector<std::string> patterns_;  ///< lower-case
};

}  // namespace gazette::stats
