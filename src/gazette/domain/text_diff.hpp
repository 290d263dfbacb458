#pragma once
/// Line-by-line differences between two texts (Myers' algorithm), to show editors what changed between
/// two revisions of an article. Pure, and bounded: huge or wholly rewritten texts get a coarse answer.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::domain {

enum class DiffOp {
  kEqual,   ///< lines in both texts
  kDelete,  ///< lines only in the first text
  kInsert,  ///< lines only in the second text
};

/// A run of consecutive lines with the same fate.
struct DiffHunk {
  DiffOp op = DiffOp::kEqual;
  std::vector<std::string> lines;  ///< without their line ends
};

struct TextDiff {
  std::vector<DiffHunk> hunks;  ///< in text order; no two neighbours share an op; a deletion precedes
                                ///< the insertion that replaces it
  /// False when the changed part was too long or changed too much to compare line by line within the
  /// bounds below: it is then shown as deleted whole and inserted whole (still a correct difference,
  /// just not the shortest).
  bool exact = true;
};

/// Most lines per side of the changed part (after the lines shared at the start and the end are set
/// aside) compared line by line: a few thousand covers any article.
inline constexpr std::size_t kMaxDiffLines = 4000;
/// Most deleted plus inserted lines searched for. The work grows with lines x edits and the memory with
/// edits squared (about 4 MB here), so this bound keeps one comparison to milliseconds.
inline constexpr std::size_t kMaxDiffEdits = 1000;

/// Lines are split at '\n'; a final '\n' ends the last line rather than starting an empty one. A deletion
/// and an insertion are as few as possible (when exact). Thread-safe.
TextDiff DiffLines(std::string_view before, std::string_view after);

}  // namespace gazette::domain
