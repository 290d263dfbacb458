#include "gazette/storage/sqlite/connection_pool.hpp"

#include <atomic>

namespace gazette::storage::sqlite {

namespace {

std::atomic<std::uint64_t> next_pool_id{1};

/// The connection this thread used last, and the pool it belongs to. One entry suffices: a server thread
/// talks to one database; tests that switch between databases take the slow path now and then.
struct LastUsed {
  std::uint64_t pool_id = 0;
  Connection* connection = nullptr;
};
thread_local LastUsed last_used;

}  // namespace

ConnectionPool::ConnectionPool(std::filesystem::path path)
    : id_(next_pool_id.fetch_add(1)), path_(std::move(path)) {}

ConnectionPool::~ConnectionPool() {
  if (last_used.pool_id == id_) last_used = {};
}

Connection& ConnectionPool::ForThisThread() {
  if (last_used.pool_id == id_) return *last_used.connection;
  return SlowPath();
}

Connection& ConnectionPool::SlowPath() {
  std::lock_guard lock(mutex_);
  auto& slot = by_thread_[std::this_thread::get_id()];
  if (!slot) slot = std::make_unique<Connection>(path_, /*create=*/false);
  last_used = {id_, slot.get()};
  return *slot;
}

Connection& ConnectionPool::Adopt(std::unique_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  auto& slot = by_thread_[std::this_thread::get_id()];
  slot = std::move(connection);
  last_used = {id_, slot.get()};
  return *slot;
}

}  // namespace gazette::storage::sqlite
