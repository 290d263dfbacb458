#pragma once
/// FormTokens: the signed token in every comment form. It carries the article's id and the instant the
/// form was shown, authenticated with the site's key (libsodium crypto_auth, HMAC-SHA-512-256), so that a
/// comment must come from a form this site showed, for this article, neither too soon (a script posting
/// at once) nor too late (a token harvested long ago).

#include <sodium/crypto_auth_hmacsha512256.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/storage/account_store.hpp"

namespace gazette::comments {

/// How long a shown form stays good: a reader may leave a tab open for a day, not a week.
inline constexpr std::chrono::hours kMaxFormAge{24};

/// Immutable: thread-safe.
class FormTokens {
 public:
  /// key must be crypto_auth_KEYBYTES (32) secret random bytes, the same on every server of the site.
  explicit FormTokens(const storage::SecretKey& key);

  /// A token for a form about article_id shown at shown_at: base64url without padding, 64 characters.
  std::string Issue(std::int64_t article_id, Timestamp shown_at) const;

  /// Checks token for a comment on article_id arriving at now. kInvalid, with a message for the reader:
  /// not a token of ours or signed for another article ("could not be checked"), shown less than
  /// min_age ago ("sent too quickly"), or more than kMaxFormAge ago or in the future ("expired").
  Status Check(std::string_view token, std::int64_t article_id, Timestamp now, std::chrono::seconds min_age) const;

 private:
  storage::SecretKey key_;
  /// HMAC state with the key already absorbed: each token then costs two SHA-512 blocks instead of four.
  crypto_auth_hmacsha512256_state keyed_{};
};

}  // namespace gazette::comments
