#pragma once
/// ConnectionPool: one Connection per thread for one database. The calling thread finds its own through
/// a thread-local cache without taking any lock; the pool's mutex is taken only the first time a thread
/// asks (or after it used another database in between).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "gazette/storage/sqlite/connection.hpp"

namespace gazette::storage::sqlite {

/// Thread-safe. The connections live as long as the pool; destroy it only when no thread is using it.
class ConnectionPool {
 public:
  explicit ConnectionPool(std::filesystem::path path);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  /// The calling thread's connection, opened on first use (throws SQLite::Exception when it cannot be).
  Connection& ForThisThread();
  /// Makes connection the calling thread's one (the connection that opened and migrated the file).
  Connection& Adopt(std::unique_ptr<Connection> connection);

  const std::filesystem::path& path() const { return path_; }

 private:
  Connection& SlowPath();

  /// Never reused, unlike addresses, so that a thread-local entry left by a destroyed pool never matches.
  const std::uint64_t id_;
  const std::filesystem::path path_;
  std::mutex mutex_;
  std::unordered_map<std::thread::id, std::unique_ptr<Connection>> by_thread_;
};

}  // namespace gazette::storage::sqlite
