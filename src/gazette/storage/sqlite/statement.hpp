#pragma once
/// Statement: a prepared SQLite statement kept for the life of its connection, with allocation-free
/// binding and column access (SQLiteCpp's Column copies a shared_ptr per access, too slow for lists).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace gazette::storage::sqlite {

/// Not thread-safe: belongs to one connection, used by one thread. Errors throw SQLite::Exception, which
/// the stores turn into Result errors at their boundary.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  /// Text is bound without a copy: it must stay alive until Reset() (ScopedUse sees to that).
  void BindInt(int index, std::int64_t value);
  void BindText(int index, std::string_view value);
  void BindNull(int index);
  void BindOptionalInt(int index, std::optional<std::int64_t> value);
  /// Bytes are bound without a copy, like text.
  void BindBlob(int index, std::span<const std::uint8_t> bytes);

  /// True when a row is ready, false when done.
  bool Step();
  /// Steps to the end of a statement that returns no rows.
  void Run();
  /// Back to the start with bindings cleared; ends the statement's implicit read transaction.
  void Reset() noexcept;

  std::int64_t Int(int column) const;
  bool IsNull(int column) const;
  std::optional<std::int64_t> OptionalInt(int column) const;
  /// Valid until the next Step() or Reset().
  std::string_view Text(int column) const;
  /// Valid until the next Step() or Reset(); empty for NULL.
  std::span<const std::uint8_t> Blob(int column) const;
  std::string String(int column) const { return std::string(Text(column)); }
  void ReadInto(int column, std::string& out) const { out.assign(Text(column)); }

 private:
  [[noreturn]] void Throw(int rc) const;
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// Resets a statement when the scope ends, so that no read transaction is left open (an open one would
/// pin the WAL and stop checkpoints) and no bound text outlives its owner.
class ScopedUse {
 public:
  explicit ScopedUse(Statement& statement) : statement_(statement) {}
  ~ScopedUse() { statement_.Reset(); }
  ScopedUse(const ScopedUse&) = delete;
  ScopedUse& operator=(const ScopedUse&) = delete;
  Statement* operator->() { return &statement_; }
  Statement& operator*() { return statement_; }

 private:
  Statement& statement_;
};

}  // namespace gazette::storage::sqlite
