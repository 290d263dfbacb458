#pragma once
/// AuditLog: appends what was done in the back office (who, what, to what, from where) and lists it newest
/// first. Never given passwords or tokens: callers pass names and ids.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "gazette/accounts/actor.hpp"
#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/storage/account_store.hpp"

namespace gazette::accounts {

/// Thread-safe. store and clock must outlive it.
class AuditLog {
 public:
  AuditLog(storage::AccountStore& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// Appends an entry at the clock's now. action: one of audit_actions.hpp. target, detail and ip are
  /// cut to the stored limits (never refused for their length); text that is not UTF-8 is replaced by a
  /// note saying so. Errors: the store's.
  Status Record(std::optional<std::int64_t> user_id, std::string_view ip, std::string_view action,
                std::string_view target, std::string_view detail = {});
  Status Record(const Actor& actor, std::string_view action, std::string_view target,
                std::string_view detail = {}) {
    return Record(actor.user_id(), actor.ip, action, target, detail);
  }

  /// Entries newest first, rows [offset, offset + limit); limit at most storage::kMaxAuditListLimit.
  Result<std::vector<storage::AuditEntry>> List(std::int64_t offset, std::int64_t limit) {
    return store_.ListAudit(offset, limit);
  }

 private:
  storage::AccountStore& store_;
  const Clock& clock_;
};

}  // namespace gazette::accounts
