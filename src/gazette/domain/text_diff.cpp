#include "gazette/domain/text_diff.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace gazette::domain {
namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos) {
      lines.push_back(text);
      break;
    }
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  return lines;
}

/// Collects ops into hunks: equal runs as they come, and between two equal runs every deletion first,
/// then every insertion, which reads better than Myers' interleaving and is just as correct.
class HunkBuilder {
 public:
  void Equal(std::string_view line) {
    Flush();
    Append(DiffOp::kEqual, line);
  }
  void Delete(std::string_view line) { deleted_.push_back(line); }
  void Insert(std::string_view line) { inserted_.push_back(line); }

  std::vector<DiffHunk> Finish() {
    Flush();
    return std::move(hunks_);
  }

 private:
  void Append(DiffOp op, std::string_view line) {
    if (hunks_.empty() || hunks_.back().op != op) hunks_.push_back({op, {}});
    hunks_.back().lines.emplace_back(line);
  }
  void Flush() {
    for (const std::string_view line : deleted_) Append(DiffOp::kDelete, line);
    for (const std::string_view line : inserted_) Append(DiffOp::kInsert, line);
    deleted_.clear();
    inserted_.clear();
  }

  std::vector<DiffHunk> hunks_;
  std::vector<std::string_view> deleted_;
  std::vector<std::string_view> inserted_;
};

/// One edit script step, recorded backwards while tracing the path.
enum class Step : std::uint8_t { kEqual, kDelete, kInsert };

/// Myers' greedy forward search for the shortest edit script between a and b (lines as small ids), with
/// the furthest-reaching x of every diagonal kept per edit count so that the path can be traced back.
/// Returns false, with steps untouched, when more than max_edits edits would be needed.
bool ShortestEditScript(const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b,
                        std::size_t max_edits, std::vector<Step>& steps) {
  const auto n = static_cast<std::int64_t>(a.size());
  const auto m = static_cast<std::int64_t>(b.size());
  const auto limit = static_cast<std::int64_t>(std::min<std::size_t>(max_edits, a.size() + b.size()));
  std::vector<std::int64_t> furthest(static_cast<std::size_t>(2 * limit + 3), 0);
  const auto at = [&](std::int64_t k) -> std::int64_t& {
    return furthest[static_cast<std::size_t>(k + limit + 1)];
  };
  // trace[d][k + d]: the furthest x on diagonal k after d edits (32 bits: x <= kMaxDiffLines).
  std::vector<std::vector<std::int32_t>> trace;

  std::int64_t found = -1;
  for (std::int64_t d = 0; d <= limit && found < 0; ++d) {
    std::vector<std::int32_t>& row = trace.emplace_back(static_cast<std::size_t>(2 * d + 1), 0);
    for (std::int64_t k = -d; k <= d; k += 2) {
      std::int64_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      std::int64_t y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      at(k) = x;
      row[static_cast<std::size_t>(k + d)] = static_cast<std::int32_t>(x);
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return false;

  std::int64_t x = n;
  std::int64_t y = m;
  for (std::int64_t d = found; d > 0; --d) {
    const std::vector<std::int32_t>& previous = trace[static_cast<std::size_t>(d - 1)];
    const auto before = [&](std::int64_t k) -> std::int64_t {
      return previous[static_cast<std::size_t>(k + d - 1)];
    };
    const std::int64_t k = x - y;
    const bool down = k == -d || (k != d && before(k - 1) < before(k + 1));
    const std::int64_t previous_k = down ? k + 1 : k - 1;
    const std::int64_t previous_x = before(previous_k);
    const std::int64_t previous_y = previous_x - previous_k;
    // The snake: equal lines walked after the edit.
    while (x > previous_x && y > previous_y) {
      steps.push_back(Step::kEqual);
      --x;
      --y;
    }
    steps.push_back(down ? Step::kInsert : Step::kDelete);
    x = previous_x;
    y = previous_y;
  }
  for (; x > 0; --x) steps.push_back(Step::kEqual);  // the snake from the start, before any edit
  std::reverse(steps.begin(), steps.end());
  return true;
}

}  // namespace

TextDiff DiffLines(std::string_view before, std::string_view after) {
  const std::vector<std::string_view> a = SplitLines(before);
  const std::vector<std::string_view> b = SplitLines(after);

  // Lines shared at the start and the end cost nothing to find and are most of a typical revision.
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  const std::size_t a_end = a.size() - suffix;
  const std::size_t b_end = b.size() - suffix;

  TextDiff diff;
  HunkBuilder hunks;
  for (std::size_t i = 0; i < prefix; ++i) hunks.Equal(a[i]);

  std::vector<Step> steps;
  const std::size_t a_middle = a_end - prefix;
  const std::size_t b_middle = b_end - prefix;
  if (a_middle <= kMaxDiffLines && b_middle <= kMaxDiffLines) {
    // Lines become small ids so that the search compares integers, not strings.
    std::unordered_map<std::string_view, std::int32_t> ids;
    const auto to_ids = [&](const std::vector<std::string_view>& lines, std::size_t from, std::size_t to) {
      std::vector<std::int32_t> out;
      out.reserve(to - from);
      for (std::size_t i = from; i < to; ++i) {
        out.push_back(ids.try_emplace(lines[i], static_cast<std::int32_t>(ids.size())).first->second);
      }
      return out;
    };
    const std::vector<std::int32_t> a_ids = to_ids(a, prefix, a_end);
    const std::vector<std::int32_t> b_ids = to_ids(b, prefix, b_end);
    diff.exact = ShortestEditScript(a_ids, b_ids, kMaxDiffEdits, steps);
  } else {
    diff.exact = false;
  }

  if (diff.exact) {
    std::size_t i = prefix;
    std::size_t j = prefix;
    for (const Step step : steps) {
      switch (step) {
        case Step::kEqual:
          hunks.Equal(a[i++]);
          ++j;
          break;
        case Step::kDelete:
          hunks.Delete(a[i++]);
          break;
        case Step::kInsert:
          hunks.Insert(b[j++]);
          break;
      }
    }
  } else {
    for (std::size_t i = prefix; i < a_end; ++i) hunks.Delete(a[i]);
    for (std::size_t j = prefix; j < b_end; ++j) hunks.Insert(b[j]);
  }
  for (std::size_t i = a_end; i < a.size(); ++i) hunks.Equal(a[i]);
  diff.hunks = hunks.Finish();
  return diff;
}

}  // namespace gazette::domain
