#include "gazette/accounts/audit_log.hpp"

#include <string>

#include "gazette/base/utf8.hpp"

namespace gazette::accounts {
namespace {

std::string Bounded(std::string_view text, std::size_t max_bytes) {
  if (!IsValidUtf8(text)) return "(not valid UTF-8)";
  return std::string(TruncateUtf8(text, max_bytes));
}

}  // namespace

Status AuditLog::Record(std::optional<std::int64_t> user_id, std::string_view ip, std::string_view action,
                        std::string_view target, std::string_view detail) {
  storage::AuditEntry entry;
  entry.at = clock_.Now();
  entry.user_id = user_id;
  entry.action = std::string(action);
  entry.target = Bounded(target, storage::kMaxAuditTargetBytes);
  entry.detail = Bounded(detail, storage::kMaxAuditDetailBytes);
  entry.ip = Bounded(ip, storage::kMaxAuditIpBytes);
  auto appended = store_.AppendAudit(entry);
  if (!appended.ok()) return std::move(appended).error();
  return OkStatus();
}

}  // namespace gazette::accounts
