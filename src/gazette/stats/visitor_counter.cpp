#include "gazette/stats/visitor_counter.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <spdlog/spdlog.h>

#include "gazette/stats/bot_filter.hpp"
#include "gazette/stats/visitor_hasher.hpp"
#include "gazette/stats/visitor_set.hpp"

namespace gazette::stats {
namespace {

/// Independent slots for page views and article hits: enough that the two server threads per core
/// rarely share one, few enough to sum cheaply.
constexpr std::size_t kSlots = 16;

std::size_t ThisThreadSlot() {
  thread_local const std::size_t slot = std::hash<std::thread::id>{}(std::this_thread::get_id()) % kSlots;
  return slot;
}

LocalDate WeekStart(LocalDate day) {
  using namespace std::chrono;
  const sys_days date{year{day.year} / month{static_cast<unsigned>(day.month)} / std::chrono::day{static_cast<unsigned>(day.day)}};
  const unsigned days_since_monday = weekday{date}.iso_encoding() - 1;
  const year_month_day monday{date - days{days_since_monday}};
  return LocalDate{static_cast<int>(monday.year()), static_cast<int>(static_cast<unsigned>(monday.month())),
                   static_cast<int>(static_cast<unsigned>(monday.day()))};
}

LocalDate MonthStart(LocalDate day) { return LocalDate{day.year, day.month, 1}; }

/// One local day's counting. Created at start or at midnight; kept until its last figures are stored.
struct DayState {
  DayState(LocalDate d, Timestamp end, const storage::VisitorSalt& salt) : day(d), ends_at(end), hasher(salt) {}

  const LocalDate day;
  const Timestamp ends_at;  ///< the next local midnight
  const VisitorHasher hasher;
  VisitorSet visitors;
  VisitorSet bots;
  std::int64_t stored_page_views = 0;  ///< loaded at start; written before any thread sees this state

  struct alignas(64) Slot {
    std::atomic<std::int64_t> page_views{0};
    std::mutex hits_mutex;  ///< taken by the threads of this slot only, and by the flusher once a second
    std::unordered_map<std::int64_t, std::int64_t> hits;
  };
  std::array<Slot, kSlots> slots;
  bool begun_in_store = false;  ///< BeginDay done (flusher thread only)

  std::int64_t PageViews() const {
    std::int64_t total = stored_page_views;
    for (const auto& slot : slots) total += slot.page_views.load(std::memory_order_relaxed);
    return total;
  }

  std::vector<std::pair<std::int64_t, std::int64_t>> TakeHits() {
    std::vector<std::pair<std::int64_t, std::int64_t>> taken;
    for (auto& slot : slots) {
      std::lock_guard lock(slot.hits_mutex);
      taken.insert(taken.end(), slot.hits.begin(), slot.hits.end());
      slot.hits.clear();
    }
    return taken;
  }

  void PutBackHits(const std::vector<std::pair<std::int64_t, std::int64_t>>& hits) {
    auto& slot = slots[0];
    std::lock_guard lock(slot.hits_mutex);
    for (const auto& [id, count] : hits) slot.hits[id] += count;
  }
};

}  // namespace

struct VisitorCounter::Impl {
  storage::StatsStore& store;
  const Clock& clock;
  TimeZone zone;
  VisitorCounterOptions options;

  std::atomic<DayState*> current{nullptr};
  std::mutex days_mutex;  ///< guards days and the switch to a new day (once a day on the request path)
  std::deque<std::unique_ptr<DayState>> days;

  // Figures of stored days, as of the last refresh, for the day in figures_day.
  std::atomic<std::int64_t> stored_yesterday{0};
  std::atomic<std::int64_t> stored_before_today{0};  ///< all days before today
  std::atomic<std::int64_t> stored_week_before_today{0};
  std::atomic<std::int64_t> stored_month_before_today{0};
  std::atomic<std::int64_t> stored_today{0};  ///< used when counting is off
  /// options.initial_total at start, then what SetInitialTotal set: the back office changes it live.
  std::atomic<std::int64_t> initial_total{0};

  // What failed to be written, retried with the next batch.
  std::vector<std::uint64_t> unsaved_visitors;
  std::vector<std::uint64_t> unsaved_bots;

  std::mutex flush_mutex;  ///< one flush at a time (the flusher, Flush(), Stop())
  std::mutex stop_mutex;
  std::condition_variable stop_signal;
  bool stopping = false;
  std::thread flusher;

  Impl(storage::StatsStore& s, const Clock& c, TimeZone z, VisitorCounterOptions o)
      : store(s), clock(c), zone(std::move(z)), options(o), initial_total(o.initial_total) {}

  std::unique_ptr<DayState> NewDay(LocalDate day, const storage::VisitorSalt& salt) const {
    return std::make_unique<DayState>(day, zone.StartOfDay(day.NextDay()), salt);
  }

  DayState& Today(Timestamp now) {
    DayState* day = current.load(std::memory_order_acquire);
    if (now < day->ends_at) return *day;
    return Rollover(now);
  }

  /// Switches to the day of `now`, in memory only: the flusher stores it.
  DayState& Rollover(Timestamp now) {
    std::lock_guard lock(days_mutex);
    DayState* old_day = current.load(std::memory_order_acquire);
    if (now < old_day->ends_at) return *old_day;  // another thread switched first
    const LocalDate today = zone.DateOf(now);
    auto fresh = NewDay(today, VisitorHasher::NewSalt());
    // Carry the figures over until the flusher has stored the old day and read them back.
    const std::int64_t old_total = options.counting ? static_cast<std::int64_t>(old_day->visitors.size())
                                                    : stored_today.load();
    const bool consecutive = old_day->day.NextDay() == today;
    stored_before_today.fetch_add(old_total);
    stored_yesterday.store(consecutive ? old_total : 0);
    stored_week_before_today.store(WeekStart(today) == WeekStart(old_day->day)
                                       ? stored_week_before_today.load() + old_total
                                       : 0);
    stored_month_before_today.store(MonthStart(today) == MonthStart(old_day->day)
                                        ? stored_month_before_today.load() + old_total
                                        : 0);
    stored_today.store(0);
    DayState* next = fresh.get();
    days.push_back(std::move(fresh));
    current.store(next, std::memory_order_release);
    return *next;
  }

  Status FlushOnce() {
    std::lock_guard flush_lock(flush_mutex);
    std::vector<DayState*> pending;
    DayState* today = nullptr;
    {
      std::lock_guard lock(days_mutex);
      for (auto& day : days) pending.push_back(day.get());
      today = current.load(std::memory_order_acquire);
    }
    Status status = OkStatus();
    if (!today->begun_in_store) {
      // Store the new day's salt before any of its identities, and delete the old days' ones.
      auto state = store.BeginDay(today->day, today->hasher.salt());
      if (!state.ok()) return std::move(state).error();
      today->begun_in_store = true;
    }
    for (DayState* day : pending) {
      storage::StatsBatch batch;
      batch.day = day->day;
      batch.visitors = static_cast<std::int64_t>(day->visitors.size());
      batch.page_views = day->PageViews();
      if (day == today) {
        // Only today's identities are kept: an earlier day's were deleted by BeginDay.
        batch.new_visitor_hashes = day->visitors.TakeNew();
        batch.new_bot_hashes = day->bots.TakeNew();
        batch.new_visitor_hashes.insert(batch.new_visitor_hashes.end(), unsaved_visitors.begin(),
                                        unsaved_visitors.end());
        batch.new_bot_hashes.insert(batch.new_bot_hashes.end(), unsaved_bots.begin(), unsaved_bots.end());
        unsaved_visitors.clear();
        unsaved_bots.clear();
      }
      batch.article_hits = day->TakeHits();
      if (!options.counting && batch.article_hits.empty()) continue;
      auto written = store.Write(batch);
      if (!written.ok()) {
        // Keep everything for the next attempt: nothing counted is dropped on a transient failure.
        if (day == today) {
          unsaved_visitors = std::move(batch.new_visitor_hashes);
          unsaved_bots = std::move(batch.new_bot_hashes);
        }
        day->PutBackHits(batch.article_hits);
        status = std::move(written).error();
      }
    }
    if (!status.ok()) return status;
    RetireOldDays(today);
    return RefreshStoredFigures(today);
  }

  /// A day is dropped a grace period after it ended, once written: by then every request that loaded it
  /// just before midnight has finished, and its stragglers were written by the flushes in between.
  void RetireOldDays(DayState* today) {
    static constexpr std::chrono::seconds kRetireGrace{10};
    const Timestamp now = clock.Now();
    std::lock_guard lock(days_mutex);
    std::erase_if(days, [today, now](const std::unique_ptr<DayState>& day) {
      return day.get() != today && day->ends_at + kRetireGrace <= now;
    });
  }

  Status RefreshStoredFigures(DayState* today) {
    const LocalDate day = today->day;
    auto totals = store.Totals(day);
    if (!totals.ok()) return std::move(totals).error();
    const LocalDate yesterday = day.PreviousDay();
    auto week = WeekStart(day) <= yesterday ? store.SumVisitors(WeekStart(day), yesterday) : Result<std::int64_t>(0);
    if (!week.ok()) return std::move(week).error();
    auto month =
        MonthStart(day) <= yesterday ? store.SumVisitors(MonthStart(day), yesterday) : Result<std::int64_t>(0);
    if (!month.ok()) return std::move(month).error();
    std::lock_guard lock(days_mutex);
    if (current.load() != today) return OkStatus();  // midnight passed meanwhile: Rollover's figures stand
    stored_today.store(totals->today);
    stored_yesterday.store(totals->yesterday);
    stored_before_today.store(totals->all - totals->today);
    stored_week_before_today.store(*week);
    stored_month_before_today.store(*month);
    return OkStatus();
  }

  void RunFlusher() {
    std::unique_lock lock(stop_mutex);
    while (!stopping) {
      stop_signal.wait_for(lock, options.flush_interval, [this] { return stopping; });
      if (stopping) break;
      lock.unlock();
      // Also moves to a new day at midnight when no request came to do it.
      Today(clock.Now());
      if (auto status = FlushOnce(); !status.ok()) {
        spdlog::warn("visitor statistics not written yet, retrying: {}", status.error().message);
      }
      lock.lock();
    }
  }
};

VisitorCounter::VisitorCounter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

VisitorCounter::~VisitorCounter() { Stop(); }

Result<std::unique_ptr<VisitorCounter>> VisitorCounter::Start(storage::StatsStore& store, const Clock& clock,
                                                             TimeZone zone, VisitorCounterOptions options) {
  auto impl = std::make_unique<Impl>(store, clock, std::move(zone), options);
  const LocalDate today = impl->zone.DateOf(clock.Now());
  auto state = store.BeginDay(today, VisitorHasher::NewSalt());
  if (!state.ok()) return std::move(state).error();
  auto day = impl->NewDay(today, state->salt);
  for (const auto identity : state->visitor_hashes) day->visitors.Insert(identity);
  for (const auto identity : state->bot_hashes) day->bots.Insert(identity);
  day->visitors.TakeNew();  // already stored
  day->bots.TakeNew();
  day->stored_page_views = state->page_views;
  day->begun_in_store = true;
  impl->current.store(day.get());
  impl->days.push_back(std::move(day));
  if (auto status = impl->RefreshStoredFigures(impl->current.load()); !status.ok()) {
    return std::move(status).error();
  }
  std::unique_ptr<VisitorCounter> counter(new VisitorCounter(std::move(impl)));
  Impl* raw = counter->impl_.get();
  raw->flusher = std::thread([raw] { raw->RunFlusher(); });
  return counter;
}

void VisitorCounter::RecordPageView(std::string_view client_ip, std::string_view user_agent,
                                    std::int64_t article_id) {
  Impl& impl = *impl_;
  if (!impl.options.counting || user_agent.empty() || BotFilter::Default().IsBot(user_agent)) return;
  DayState& day = impl.Today(impl.clock.Now());
  const std::uint64_t identity = day.hasher.Identity(client_ip, user_agent);
  if (day.bots.Contains(identity)) return;
  day.visitors.Insert(identity);
  auto& slot = day.slots[ThisThreadSlot()];
  slot.page_views.fetch_add(1, std::memory_order_relaxed);
  if (article_id != 0) {
    std::lock_guard lock(slot.hits_mutex);
    ++slot.hits[article_id];
  }
}

void VisitorCounter::RecordRobotsTxt(std::string_view client_ip, std::string_view user_agent) {
  Impl& impl = *impl_;
  if (!impl.options.counting) return;
  DayState& day = impl.Today(impl.clock.Now());
  day.bots.Insert(day.hasher.Identity(client_ip, user_agent));
}

void VisitorCounter::SetInitialTotal(std::int64_t initial_total) {
  impl_->initial_total.store(initial_total, std::memory_order_relaxed);
}

CounterFigures VisitorCounter::Current() {
  Impl& impl = *impl_;
  DayState& day = impl.Today(impl.clock.Now());
  const std::int64_t today = impl.options.counting ? static_cast<std::int64_t>(day.visitors.size())
                                                   : impl.stored_today.load(std::memory_order_relaxed);
  CounterFigures figures;
  figures.today = today;
  figures.yesterday = impl.stored_yesterday.load(std::memory_order_relaxed);
  figures.this_week = impl.stored_week_before_today.load(std::memory_order_relaxed) + today;
  figures.this_month = impl.stored_month_before_today.load(std::memory_order_relaxed) + today;
  figures.all = impl.initial_total.load(std::memory_order_relaxed) + impl.stored_before_today.load(std::memory_order_relaxed) + today;
  return figures;
}

Status VisitorCounter::Flush() { return impl_->FlushOnce(); }

void VisitorCounter::Stop() {
  if (!impl_ || !impl_->flusher.joinable()) return;
  {
    std::lock_guard lock(impl_->stop_mutex);
    impl_->stopping = true;
  }
  impl_->stop_signal.notify_all();
  impl_->flusher.join();
  if (auto status = impl_->FlushOnce(); !status.ok()) {
    spdlog::error("the last visitor statistics could not be written: {}", status.error().message);
  }
}

std::size_t VisitorCounter::IdentityBytes() const {
  return impl_->current.load()->visitors.MemoryBytes();
}

}  // namespace gazette::stats
