#pragma once
/// `gazette user add | passwd | list DIR`: the back office's users, from the command line. The operator
/// there may do everything (they can read the database file anyway); every change goes to the audit log
/// as made from the command line.

#include <filesystem>
#include <ostream>
#include <string>

#include "gazette/app/password_input.hpp"
#include "gazette/base/result.hpp"

namespace gazette::app {

struct AddUserOptions {
  std::filesystem::path dir;
  std::string email;
  std::string name;
  std::string role;  ///< admin, editor or author
  /// The slug of the public author profile the user writes as (an author needs one to write); empty: none.
  std::string author_slug;
};

/// Adds a user to the site in options.dir and reports it on out. password is asked for only after the
/// other options were checked. Errors, in one line: kInvalid for bad input (e-mail address, name, role,
/// password), kConflict for a taken e-mail address, kNotFound for a missing site; nothing is stored then.
Status AddUser(const AddUserOptions& options, const PasswordSource& password, std::ostream& out);

/// Sets the password of the user with e-mail address email and ends all their sessions. kNotFound for an
/// unknown user (checked before the password is asked for); otherwise as AddUser.
Status ChangeUserPassword(const std::filesystem::path& dir, const std::string& email,
                          const PasswordSource& password, std::ostream& out);

/// Prints the site's users as a table (id, email, name, role, disabled, created in the site's time zone).
Status ListUsers(const std::filesystem::path& dir, std::ostream& out);

}  // namespace gazette::app
