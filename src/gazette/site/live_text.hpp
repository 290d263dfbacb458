#pragma once
/// LiveText: the few values a page shows that change while its content does not: the visitor counter's
/// figures, today's date and the comment form's token. A page rendered for one answer gets the values
/// themselves; a page rendered for the page cache gets marks in their place, which the cache cuts out and
/// fills with the current values on every answer (page_cache.hpp).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/settings/site_snapshot.hpp"
#include "gazette/stats/counter_figures.hpp"

namespace gazette::site {

struct SiteContext;

enum class LiveKind : std::uint8_t {
  kCounterFigure,  ///< arg: the stats::CounterRow, as a number
  kTodayIso,       ///< "2026-01-02" in the site's time zone
  kTodayText,      ///< today in the site's date format
  kCommentToken,   ///< arg: the article whose comment form it signs
};

struct LiveSlot {
  LiveKind kind = LiveKind::kTodayIso;
  std::int64_t arg = 0;
  bool operator==(const LiveSlot&) const = default;
};

/// Cheap to copy; holds what it needs.
class LiveText {
 public:
  /// The current values, for an answer sent now.
  static LiveText Current(const SiteContext& ctx, std::shared_ptr<const settings::SiteSnapshot> settings,
                          Timestamp now);
  /// Marks: "\x1A" + marker + kind + ":" + arg + "\x1A". marker must be a secret of this process (text
  /// on a page can then never pass for a mark) of letters and digits, which HTML escaping leaves alone.
  static LiveText Marked(std::string marker);

  /// The text of slot (escaping is the template's job, as for any value).
  std::string Value(LiveSlot slot) const;
  bool marked() const { return !marker_.empty(); }

 private:
  LiveText() = default;

  std::string marker_;
  const SiteContext* ctx_ = nullptr;
  std::shared_ptr<const settings::SiteSnapshot> settings_;
  Timestamp now_{};
  stats::CounterFigures figures_{};
};

/// A page rendered with LiveText::Marked(marker), cut at its marks: chunks.size() == slots.size() + 1.
struct MarkedPage {
  std::vector<std::string> chunks;
  std::vector<LiveSlot> slots;
};

/// Cuts html at the marks made with marker. A mark that does not parse stays text (it cannot come from
/// anywhere but a template given LiveText::Marked).
MarkedPage CutAtMarks(std::string_view html, std::string_view marker);

}  // namespace gazette::site
