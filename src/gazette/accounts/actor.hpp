#pragma once
/// Actor: who asks for a change, for the permission checks and the audit log of the accounts services.

#include <optional>
#include <string>

#include "gazette/domain/user.hpp"
#include "gazette/storage/account_store.hpp"

namespace gazette::accounts {

struct Actor {
  /// The logged-in user; nullopt for the operator at the command line, who may do everything (they can
  /// read the database file anyway).
  std::optional<domain::User> user;
  /// The session the request came with, kept when the user changes their own password.
  std::optional<storage::SessionIdHash> session;
  std::string ip;  ///< the client address, as the HTTP layer worked it out; empty on the command line

  static Actor CommandLine() { return {}; }

  /// The audit log's user_id for this actor.
  std::optional<std::int64_t> user_id() const {
    return user ? std::optional<std::int64_t>(user->id) : std::nullopt;
  }
};

}  // namespace gazette::accounts
