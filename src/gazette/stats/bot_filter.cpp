#include "gazette/stats/bot_filter.hpp"

#include <algorithm>

#include "gazette/stats/detail/bot_user_agents.hpp"

namespace gazette::stats {
namespace {

// Most User-Agents are 100..300 bytes; longer ones are lower-cased on the heap instead.
constexpr std::size_t kStackBytes = 512;
// 2^16 bits (8 KB): with ~150 keys, a position that starts no pattern passes the bit test 1 time in 400.
constexpr int kKeyHashBits = 16;

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// Multiplicative hash of three bytes: spreads "bot", "cra", "spi" ... over the bitmap.
std::uint16_t KeyHash(const char* key) {
  const std::uint32_t packed = static_cast<std::uint32_t>(static_cast<unsigned char>(key[0])) << 16 |
                               static_cast<std::uint32_t>(static_cast<unsigned char>(key[1])) << 8 |
                               static_cast<unsigned char>(key[2]);
  return static_cast<std::uint16_t>((packed * 0x9E3779B1u) >> (32 - kKeyHashBits));
}

}  // namespace

const BotFilter& BotFilter::Default() {
  static const BotFilter filter = FromText(detail::BuiltInBotUserAgents());
  return filter;
}

BotFilter BotFilter::FromText(std::string_view text) {
  static_assert(kKeyBytes == 3, "KeyHash reads three bytes");
  std::vector<std::string> patterns;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = Trim(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
    if (line.empty() || line.front() == '#') continue;
    std::string pattern(line);
    std::transform(pattern.begin(), pattern.end(), pattern.begin(), Lower);
    patterns.push_back(std::move(pattern));
  }
  // A pattern containing another ("googlebot" and "bot") can never decide anything: only the shorter one
  // is searched, so the list can name crawlers for its readers without slowing every request.
  std::sort(patterns.begin(), patterns.end(), [](const std::string& a, const std::string& b) {
    return a.size() < b.size() || (a.size() == b.size() && a < b);
  });
  std::vector<std::string> kept;
  for (auto& pattern : patterns) {
    const bool implied = std::any_of(kept.begin(), kept.end(), [&](const std::string& shorter) {
      return pattern.find(shorter) != std::string::npos;
    });
    if (!implied) kept.push_back(std::move(pattern));
  }

  BotFilter filter;
  const auto is_short = [](const std::string& pattern) { return pattern.size() < kKeyBytes; };
  const auto long_begin = std::stable_partition(kept.begin(), kept.end(), is_short);
  std::sort(long_begin, kept.end(),
            [](const std::string& a, const std::string& b) { return KeyHash(a.data()) < KeyHash(b.data()); });
  filter.short_count_ = static_cast<std::size_t>(long_begin - kept.begin());
  filter.key_bits_.assign((std::size_t{1} << kKeyHashBits) / 64, 0);
  for (auto it = long_begin; it != kept.end(); ++it) {
    const std::uint16_t key = KeyHash(it->data());
    filter.keys_.push_back(key);
    filter.key_bits_[key / 64] |= std::uint64_t{1} << (key % 64);
  }
  filter.patterns_ = std::move(kept);
  return filter;
}

bool BotFilter::MatchesAt(std::string_view text, std::size_t position) const {
  const std::uint16_t key = KeyHash(text.data() + position);
  if ((key_bits_[key / 64] >> (key % 64) & 1) == 0) return false;
  const auto [first, last] = std::equal_range(keys_.begin(), keys_.end(), key);
  const std::string_view rest = text.substr(position);
  for (auto it = first; it != last; ++it) {
    const std::string& pattern = patterns_[short_count_ + static_cast<std::size_t>(it - keys_.begin())];
    if (rest.starts_with(pattern)) return true;
  }
  return false;
}

bool BotFilter::IsBot(std::string_view user_agent) const {
  char stack[kStackBytes];
  std::string heap;
  char* lower = stack;
  if (user_agent.size() > sizeof(stack)) {
    heap.resize(user_agent.size());
    lower = heap.data();
  }
  std::transform(user_agent.begin(), user_agent.end(), lower, Lower);
  const std::string_view text(lower, user_agent.size());

  for (std::size_t i = 0; i < short_count_; ++i) {
    if (text.find(patterns_[i]) != std::string_view::npos) return true;
  }
  if (keys_.empty() || text.size() < kKeyBytes) return false;
  for (std::size_t position = 0; position + kKeyBytes <= text.size(); ++position) {
    if (MatchesAt(text, position)) return true;
  }
  return false;
}

}  // namespace gazette::stats
