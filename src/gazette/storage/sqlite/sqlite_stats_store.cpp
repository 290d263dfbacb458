#include "gazette/storage/sqlite/sqlite_stats_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <span>
#include <string>
#include <vector>

#include "gazette/storage/sqlite/article_queries.hpp"
#include "gazette/storage/sqlite/sqlite_article_store.hpp"
#include "gazette/storage/sqlite/sqlite_error.hpp"
#include "gazette/storage/sqlite/stats_queries.hpp"

namespace gazette::storage::sqlite {

namespace {

enum Key : std::uint64_t {
  kTotals = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 100,
  kSumVisitors,
  kHistory,
  kUpsertDay,
  kDayStarted,
  kAddArticleHits,
  kAddDailyArticleHits,
  kDeleteOtherSalts,
  kSalt,
  kInsertSalt,
  kPageViews,
  kTopArticles,
  kAppendIdentities,
  // Each table of per-day private state has a block of keys: its first key plus a DayStatement.
  kVisitorStatements = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 140,
  kBotStatements = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 160,
  kBatchStatements = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 180,
};
enum DayStatement : std::uint64_t { kAnyOfDay, kClear, kDeleteEarlier, kDeleteLater, kOfDay };

/// One table's per-day SQL and the first of its statement keys.
struct DayScopedTable {
  const stats_sql::DayScopedSql& sql;
  std::uint64_t first_key;
};
const DayScopedTable kVisitorTable{stats_sql::kVisitorSql, kVisitorStatements};
const DayScopedTable kBotTable{stats_sql::kBotSql, kBotStatements};
const DayScopedTable kBatchTable{stats_sql::kBatchSql, kBatchStatements};

Statement& Prepared(Connection& connection, const DayScopedTable& table, DayStatement statement) {
  const stats_sql::DayScopedSql& sql = table.sql;
  const char* text = nullptr;
  switch (statement) {
    case kAnyOfDay:
      text = sql.any_of_day;
      break;
    case kClear:
      text = sql.clear;
      break;
    case kDeleteEarlier:
      text = sql.delete_earlier;
      break;
    case kDeleteLater:
      text = sql.delete_later;
      break;
    case kOfDay:
      text = sql.of_day;
      break;
  }
  return connection.Cached(table.first_key + statement, [text] { return std::string(text); });
}

Statement& Prepared(Connection& connection, Key key, const char* sql) {
  return connection.Cached(key, [sql] { return std::string(sql); });
}

/// 0002's tables kept each unsigned 64-bit identity as the same 64 bits in SQLite's signed INTEGER; the cast
/// back is modular (defined since C++20), so values of 2^63 and above come back exactly.
std::uint64_t FromStored(std::int64_t stored) {
  return static_cast<std::uint64_t>(stored);
}

/// The stored form of a day, 'YYYY-MM-DD'; kInvalid for a date that is not on the calendar or outside
/// years 0..9999 (which that form cannot hold).
Result<std::string> DayKey(LocalDate date) {
  std::string iso = date.ToIso();
  if (!LocalDate::ParseIso(iso).ok()) {
    return MakeError(ErrorCode::kInvalid, fmt::format("{}-{}-{} (year-month-day) is not a calendar date",
                                                      date.year, date.month, date.day));
  }
  return iso;
}

std::chrono::sys_days DaysOf(LocalDate date) {
  using namespace std::chrono;
  return sys_days{year{date.year} / month{static_cast<unsigned>(date.month)} /
                  day{static_cast<unsigned>(date.day)}};
}

/// Both ends of an inclusive range of days, stored form.
struct DayRange {
  std::string from;
  std::string to;
};
Result<DayRange> RangeKeys(LocalDate from, LocalDate to) {
  Result<std::string> first = DayKey(from);
  if (!first.ok()) return std::move(first).error();
  Result<std::string> last = DayKey(to);
  if (!last.ok()) return std::move(last).error();
  return DayRange{std::move(first).value(), std::move(last).value()};
}

Status CheckBatch(const StatsBatch& batch) {
  if (batch.visitors < 0 || batch.page_views < 0) {
    return MakeError(ErrorCode::kInvalid, fmt::format("the figures of {} cannot be negative ({} visitors, {} "
                                                      "page views)",
                                                      batch.day.ToIso(), batch.visitors, batch.page_views));
  }
  for (const auto& [article_id, hits] : batch.article_hits) {
    if (hits < 0) {
      return MakeError(ErrorCode::kInvalid,
                       fmt::format("article {} cannot lose hits ({} in one batch)", article_id, hits));
    }
  }
  return OkStatus();
}

constexpr std::size_t kPackedIdentityBytes = 8;

/// The batch log's blob: each identity as 8 bytes, little-endian, whatever the machine's byte order.
std::vector<std::uint8_t> PackIdentities(std::span<const std::uint64_t> hashes) {
  std::vector<std::uint8_t> packed(hashes.size() * kPackedIdentityBytes);
  std::uint8_t* out = packed.data();
  for (const std::uint64_t hash : hashes) {
    for (std::size_t byte = 0; byte < kPackedIdentityBytes; ++byte)
      *out++ = static_cast<std::uint8_t>(hash >> (8 * byte));
  }
  return packed;
}

void UnpackIdentities(std::span<const std::uint8_t> packed, std::vector<std::uint64_t>& hashes) {
  hashes.reserve(hashes.size() + packed.size() / kPackedIdentityBytes);
  for (std::size_t at = 0; at + kPackedIdentityBytes <= packed.size(); at += kPackedIdentityBytes) {
    std::uint64_t hash = 0;
    for (std::size_t byte = 0; byte < kPackedIdentityBytes; ++byte)
      hash |= std::uint64_t{packed[at + byte]} << (8 * byte);
    hashes.push_back(hash);
  }
}

/// Appends one row to the identity log: a few pages at the end of the table, however many identities.
void AppendIdentities(Connection& connection, const std::string& day, const char* kind,
                      std::span<const std::uint64_t> hashes) {
  if (hashes.empty()) return;
  const std::vector<std::uint8_t> packed = PackIdentities(hashes);
  ScopedUse s(Prepared(connection, kAppendIdentities, stats_sql::kAppendIdentities));
  s->BindText(1, day);
  s->BindText(2, kind);
  s->BindBlob(3, packed);
  s->Run();
}

/// Deletes the rows of every day but `day` from the table; returns whether `day` has rows.
bool KeepOnlyDay(Connection& connection, const DayScopedTable& table, const std::string& day) {
  bool any = false;
  {
    ScopedUse s(Prepared(connection, table, kAnyOfDay));
    s->BindText(1, day);
    any = s->Step() && s->Int(0) != 0;
  }
  if (!any) {
    ScopedUse s(Prepared(connection, table, kClear));
    s->Run();
    return false;
  }
  for (const DayStatement which : {kDeleteEarlier, kDeleteLater}) {
    ScopedUse s(Prepared(connection, table, which));
    s->BindText(1, day);
    s->Run();
  }
  return true;
}

/// The day's identities from one of 0002's one-row-per-identity tables (deleting other days' rows).
std::vector<std::uint64_t> LoadLegacyIdentities(Connection& connection, const DayScopedTable& table,
                                                const std::string& day) {
  std::vector<std::uint64_t> hashes;
  if (!KeepOnlyDay(connection, table, day)) return hashes;
  ScopedUse s(Prepared(connection, table, kOfDay));
  s->BindText(1, day);
  while (s->Step()) hashes.push_back(FromStored(s->Int(0)));
  return hashes;
}

/// The day's identities from the batch log (deleting other days' batches), added to state.
void LoadLoggedIdentities(Connection& connection, const std::string& day, VisitorDayState& state) {
  if (!KeepOnlyDay(connection, kBatchTable, day)) return;
  ScopedUse s(Prepared(connection, kBatchTable, kOfDay));
  s->BindText(1, day);
  while (s->Step()) {
    const bool bot = s->Text(0) == stats_sql::kBotKind;
    UnpackIdentities(s->Blob(1), bot ? state.bot_hashes : state.visitor_hashes);
  }
}

/// The batch's rows, inside the caller's transaction.
void WriteRows(Connection& connection, const std::string& day, const StatsBatch& batch) {
  {
    ScopedUse s(Prepared(connection, kUpsertDay, stats_sql::kUpsertDay));
    s->BindText(1, day);
    s->BindInt(2, batch.visitors);
    s->BindInt(3, batch.page_views);
    s->Run();
  }

  // Identities are kept only for the day BeginDay started: a batch that arrives after the rollover must
  // not store yesterday's identities again once they have been deleted.
  bool started = false;
  {
    ScopedUse s(Prepared(connection, kDayStarted, stats_sql::kDayStarted));
    s->BindText(1, day);
    started = s->Step();
  }
  if (started) {
    AppendIdentities(connection, day, stats_sql::kVisitorKind, batch.new_visitor_hashes);
    AppendIdentities(connection, day, stats_sql::kBotKind, batch.new_bot_hashes);
  }

  for (const auto& [article_id, hits] : batch.article_hits) {
    if (hits == 0) continue;
    {
      ScopedUse s(Prepared(connection, kAddArticleHits, stats_sql::kAddArticleHits));
      s->BindInt(1, article_id);
      s->BindInt(2, hits);
      s->Run();
    }
    // The article was deleted after it was read: its hits have nowhere to go, and must not fail the rest.
    if (connection.database().getChanges() == 0) continue;
    ScopedUse s(Prepared(connection, kAddDailyArticleHits, stats_sql::kAddDailyArticleHits));
    s->BindText(1, day);
    s->BindInt(2, article_id);
    s->BindInt(3, hits);
    s->Run();
  }
}

}  // namespace

Result<VisitorTotals> SqliteStatsStore::Totals(LocalDate today) {
  Result<std::string> today_key = DayKey(today);
  if (!today_key.ok()) return std::move(today_key).error();
  const std::string yesterday_key = today.PreviousDay().ToIso();
  return Guarded(pool_.path(), "read the visitor figures", [&]() -> Result<VisitorTotals> {
    ScopedUse s(Prepared(pool_.ForThisThread(), kTotals, stats_sql::kTotals));
    s->BindText(1, *today_key);
    s->BindText(2, yesterday_key);
    VisitorTotals totals;
    if (s->Step()) {
      totals.today = s->Int(0);
      totals.yesterday = s->Int(1);
      totals.all = s->Int(2);
    }
    return totals;
  });
}

Result<std::int64_t> SqliteStatsStore::SumVisitors(LocalDate from, LocalDate to) {
  Result<DayRange> range = RangeKeys(from, to);
  if (!range.ok()) return std::move(range).error();
  return Guarded(pool_.path(), "read the visitor figures", [&]() -> Result<std::int64_t> {
    ScopedUse s(Prepared(pool_.ForThisThread(), kSumVisitors, stats_sql::kSumVisitors));
    s->BindText(1, range->from);
    s->BindText(2, range->to);
    return s->Step() ? s->Int(0) : 0;
  });
}

Result<std::vector<DayFigures>> SqliteStatsStore::History(LocalDate from, LocalDate to) {
  Result<DayRange> range = RangeKeys(from, to);
  if (!range.ok()) return std::move(range).error();
  return Guarded(pool_.path(), "read the visitor history", [&]() -> Result<std::vector<DayFigures>> {
    ScopedUse s(Prepared(pool_.ForThisThread(), kHistory, stats_sql::kHistory));
    s->BindText(1, range->from);
    s->BindText(2, range->to);
    std::vector<DayFigures> days;
    while (s->Step()) {
      Result<LocalDate> day = LocalDate::ParseIso(s->Text(0));
      if (!day.ok()) {
        return MakeError(ErrorCode::kInternal,
                         fmt::format("the visitor history of {} holds a malformed day ({}); restore the "
                                     "database from a backup",
                                     pool_.path().string(), day.error().message));
      }
      days.push_back({*day, s->Int(1), s->Int(2)});
    }
    return days;
  });
}

Status SqliteStatsStore::Write(const StatsBatch& batch) {
  Result<std::string> day = DayKey(batch.day);
  if (!day.ok()) return std::move(day).error();
  if (Status ok = CheckBatch(batch); !ok.ok()) return ok;
  return Guarded(pool_.path(), "save the visitor figures", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    return connection.InTransaction([&]() -> Status {
      WriteRows(connection, *day, batch);
      return OkStatus();
    });
  });
}

Result<VisitorDayState> SqliteStatsStore::BeginDay(LocalDate day, const VisitorSalt& fresh_salt) {
  Result<std::string> key = DayKey(day);
  if (!key.ok()) return std::move(key).error();
  return Guarded(pool_.path(), "start the visitor day", [&]() -> Result<VisitorDayState> {
    Connection& connection = pool_.ForThisThread();
    VisitorDayState state;
    Status status = connection.InTransaction([&]() -> Status {
      {
        ScopedUse s(Prepared(connection, kDeleteOtherSalts, stats_sql::kDeleteOtherSalts));
        s->BindText(1, *key);
        s->Run();
      }
      state.visitor_hashes = LoadLegacyIdentities(connection, kVisitorTable, *key);
      state.bot_hashes = LoadLegacyIdentities(connection, kBotTable, *key);
      LoadLoggedIdentities(connection, *key, state);
      // The log is appended blindly: an identity sent twice (a flush retried after a failed commit that did
      // land) comes back once.
      for (auto* hashes : {&state.visitor_hashes, &state.bot_hashes}) {
        std::sort(hashes->begin(), hashes->end());
        hashes->erase(std::unique(hashes->begin(), hashes->end()), hashes->end());
      }

      bool stored = false;
      {
        ScopedUse s(Prepared(connection, kSalt, stats_sql::kSalt));
        s->BindText(1, *key);
        if (s->Step()) {
          const std::span<const std::uint8_t> salt = s->Blob(0);
          if (salt.size() != state.salt.size()) {
            return MakeError(
                ErrorCode::kInternal,
                fmt::format("the visitor salt of {} in {} has {} bytes instead of {}; restore the "
                            "database from a backup",
                            *key, pool_.path().string(), salt.size(), state.salt.size()));
          }
          std::copy(salt.begin(), salt.end(), state.salt.begin());
          stored = true;
        }
      }
      if (!stored) {
        ScopedUse s(Prepared(connection, kInsertSalt, stats_sql::kInsertSalt));
        s->BindText(1, *key);
        s->BindBlob(2, fresh_salt);
        s->Run();
        state.salt = fresh_salt;
      }
      ScopedUse s(Prepared(connection, kPageViews, stats_sql::kPageViews));
      s->BindText(1, *key);
      if (s->Step()) state.page_views = s->Int(0);
      return OkStatus();
    });
    if (!status.ok()) return std::move(status).error();
    return state;
  });
}

Result<std::vector<ArticleHits>> SqliteStatsStore::TopArticles(LocalDate from, LocalDate to, Timestamp now,
                                                               std::int64_t limit) {
  Result<DayRange> range = RangeKeys(from, to);
  if (!range.ok()) return std::move(range).error();
  if (limit < 0 || limit > kMaxListLimit) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a most-read list holds 0 to {} articles, not {}", kMaxListLimit, limit));
  }
  if (from > to || limit == 0) return std::vector<ArticleHits>{};
  if ((DaysOf(to) - DaysOf(from)).count() + 1 > kMaxTopArticlesDays) {
    return MakeError(ErrorCode::kInvalid, fmt::format("a most-read list covers at most {} days, not {} to {}",
                                                      kMaxTopArticlesDays, range->from, range->to));
  }
  return Guarded(pool_.path(), "read the most-read articles", [&]() -> Result<std::vector<ArticleHits>> {
    ScopedUse s(pool_.ForThisThread().Cached(kTopArticles, [] { return stats_sql::TopArticlesSql(); }));
    s->BindInt(1, ToUnix(now));
    s->BindText(2, range->from);
    s->BindText(3, range->to);
    s->BindInt(4, limit);
    std::vector<ArticleHits> rows;
    while (s->Step()) {
      ArticleHits& row = rows.emplace_back();
      article_sql::ReadSummary(*s, row.article);
      row.hits = s->Int(article_sql::kSummaryColumnCount);
    }
    return rows;
  });
}

}  // namespace gazette::storage::sqlite
