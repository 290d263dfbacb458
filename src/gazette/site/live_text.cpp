#include "gazette/site/live_text.hpp"

#include <charconv>

#include "gazette/site/site_context.hpp"
#include "gazette/site/views.hpp"

namespace gazette::site {
namespace {

constexpr char kMarkEdge = '\x1A';  // SUB: never in a page's text, and left alone by HTML escaping

/// Today's date texts, per thread, made once a minute: ICU formatting costs more than the rest of a
/// cached answer. Midnight in every zone in use falls on a whole minute, so the date is never late.
struct DateMemo {
  std::shared_ptr<const settings::SiteSnapshot> settings;  // held, so its address is never reused meanwhile
  std::int64_t minute = -1;
  std::string iso;
  std::string text;
};
thread_local DateMemo date_memo;

const DateMemo& DatesAt(const std::shared_ptr<const settings::SiteSnapshot>& settings, Timestamp now) {
  const std::int64_t minute =
      std::chrono::duration_cast<std::chrono::minutes>(now.time_since_epoch()).count();
  DateMemo& memo = date_memo;
  if (memo.settings != settings || memo.minute != minute) {
    memo.settings = settings;
    memo.minute = minute;
    memo.iso = settings->dates.IsoDate(now);
    memo.text = settings->dates.Format(now);
  }
  return memo;
}

}  // namespace

LiveText LiveText::Current(const SiteContext& ctx, std::shared_ptr<const settings::SiteSnapshot> settings,
                           Timestamp now) {
  LiveText live;
  live.ctx_ = &ctx;
  live.settings_ = std::move(settings);
  live.now_ = now;
  live.figures_ = ctx.visitors.Current();
  return live;
}

LiveText LiveText::Marked(std::string marker) {
  LiveText live;
  live.marker_ = std::move(marker);
  return live;
}

std::string LiveText::Value(LiveSlot slot) const {
  if (marked()) {
    std::string mark;
    mark.reserve(marker_.size() + 24);
    mark += kMarkEdge;
    mark += marker_;
    mark += static_cast<char>('a' + static_cast<int>(slot.kind));
    mark += std::to_string(slot.arg);
    mark += kMarkEdge;
    return mark;
  }
  switch (slot.kind) {
    case LiveKind::kCounterFigure:
      return FormatCount(figures_.Get(static_cast<stats::CounterRow>(slot.arg)));
    case LiveKind::kTodayIso:
      return DatesAt(settings_, now_).iso;
    case LiveKind::kTodayText:
      return DatesAt(settings_, now_).text;
    case LiveKind::kCommentToken:
      return ctx_->comments.IssueFormToken(slot.arg);
  }
  return {};
}

MarkedPage CutAtMarks(std::string_view html, std::string_view marker) {
  MarkedPage page;
  std::string opening(1, kMarkEdge);
  opening += marker;
  std::size_t chunk_start = 0;
  std::size_t search_from = 0;
  while (true) {
    const std::size_t at = html.find(opening, search_from);
    if (at == std::string_view::npos) break;
    // kind letter, a decimal argument, the closing edge
    const std::size_t kind_at = at + opening.size();
    const std::size_t close = html.find(kMarkEdge, kind_at);
    if (close == std::string_view::npos || close == kind_at) break;
    const int kind = html[kind_at] - 'a';
    std::int64_t arg = 0;
    const char* first = html.data() + kind_at + 1;
    const char* last = html.data() + close;
    const auto parsed = std::from_chars(first, last, arg);
    if (kind < 0 || kind > static_cast<int>(LiveKind::kCommentToken) || parsed.ec != std::errc{} ||
        parsed.ptr != last) {
      search_from = kind_at;
      continue;
    }
    page.chunks.emplace_back(html.substr(chunk_start, at - chunk_start));
    page.slots.push_back({static_cast<LiveKind>(kind), arg});
    chunk_start = search_from = close + 1;
  }
  page.chunks.emplace_back(html.substr(chunk_start));
  return page;
}

}  // namespace gazette::site
