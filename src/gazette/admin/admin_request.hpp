#pragma once
/// AdminRequest: a back-office request that passed the gate: who sent it, from where, and (for a POST) the
/// form it carried, already parsed and checked for its CSRF token.

#include <string>

#include "gazette/accounts/actor.hpp"
#include "gazette/accounts/sessions.hpp"
#include "gazette/domain/user.hpp"
#include "gazette/http/form.hpp"
#include "gazette/http/request.hpp"

namespace gazette::admin {

struct AdminRequest {
  const http::Request& http;
  accounts::AuthenticatedSession session;
  std::string client_ip;  ///< the peer, or what a trusted proxy forwarded for
  http::Form form;        ///< a POST's text fields (either encoding); empty for GET

  const domain::User& user() const { return session.user; }
  bool Can(domain::Permission permission) const { return domain::Can(session.user.role, permission); }
  /// Who acts, for the services' permission checks and the audit log.
  accounts::Actor actor() const { return accounts::Actor{session.user, session.id_hash, client_ip}; }
};

}  // namespace gazette::admin
