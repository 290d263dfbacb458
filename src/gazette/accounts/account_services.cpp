#include "gazette/accounts/account_services.hpp"

namespace gazette::accounts {

Result<std::unique_ptr<AccountServices>> AccountServices::Open(storage::Storage& storage, const Clock& clock,
                                                               const AccountOptions& options) {
  Result<LoginThrottle> throttle = LoginThrottle::Load(storage.accounts(), options.throttle);
  if (!throttle.ok()) return std::move(throttle).error();
  return std::unique_ptr<AccountServices>(new AccountServices(storage, clock, options, *throttle));
}

AccountServices::AccountServices(storage::Storage& storage, const Clock& clock, const AccountOptions& options,
                                 LoginThrottle throttle)
    : hasher_(options.hash_cost),
      audit_(storage.accounts(), clock),
      sessions_(storage.accounts(), clock, options.sessions),
      login_(storage.accounts(), hasher_, sessions_, audit_, throttle, clock),
      users_(storage, hasher_, clock, audit_) {}

}  // namespace gazette::accounts
