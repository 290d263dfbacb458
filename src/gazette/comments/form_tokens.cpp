#include "gazette/comments/form_tokens.hpp"

#include <sodium.h>

#include <array>
#include <string>

namespace gazette::comments {
namespace {

static_assert(std::tuple_size_v<storage::SecretKey> == crypto_auth_KEYBYTES, "the site key is the HMAC key");

/// article id (8 bytes, little-endian), shown_at in Unix seconds (8 bytes, little-endian), then the tag.
constexpr std::size_t kPayloadBytes = 16;
constexpr std::size_t kTokenBytes = kPayloadBytes + crypto_auth_BYTES;
/// A clock a few seconds ahead on another server of the site must not make a fresh form fail.
constexpr std::chrono::seconds kClockSkew{60};

void PutInt(std::uint64_t value, unsigned char* out) {
  for (std::size_t i = 0; i < 8; ++i) out[i] = static_cast<unsigned char>(value >> (8 * i));
}

std::uint64_t GetInt(const unsigned char* in) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < 8; ++i) value |= std::uint64_t{in[i]} << (8 * i);
  return value;
}

/// The last token each thread made per article slot: a cached article page is answered with a fresh token
/// thousands of times a second, and within one second the token is the same. The key is part of the entry
/// so that a token is never reused across sites (or tests) in one process.
struct IssuedToken {
  storage::SecretKey key{};
  std::int64_t article_id = 0;
  std::int64_t unix_seconds = 0;
  std::string token;
};
constexpr std::size_t kIssuedSlots = 64;

Error Unverifiable() {
  return MakeError(ErrorCode::kInvalid,
                   "The comment form could not be checked. Please send your comment again from this page.");
}

}  // namespace

FormTokens::FormTokens(const storage::SecretKey& key) : key_(key) {
  crypto_auth_hmacsha512256_init(&keyed_, key_.data(), key_.size());
}

std::string FormTokens::Issue(std::int64_t article_id, Timestamp shown_at) const {
  thread_local std::array<IssuedToken, kIssuedSlots> issued;
  const std::int64_t unix_seconds = ToUnix(shown_at);
  IssuedToken& slot = issued[static_cast<std::uint64_t>(article_id) % kIssuedSlots];
  if (!slot.token.empty() && slot.article_id == article_id && slot.unix_seconds == unix_seconds &&
      slot.key == key_) {
    return slot.token;
  }
  std::array<unsigned char, kTokenBytes> bytes{};
  PutInt(static_cast<std::uint64_t>(article_id), bytes.data());
  PutInt(static_cast<std::uint64_t>(unix_seconds), bytes.data() + 8);
  crypto_auth_hmacsha512256_state state = keyed_;
  crypto_auth_hmacsha512256_update(&state, bytes.data(), kPayloadBytes);
  crypto_auth_hmacsha512256_final(&state, bytes.data() + kPayloadBytes);
  sodium_memzero(&state, sizeof state);
  std::array<char, sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> text{};
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  slot.key = key_;
  slot.article_id = article_id;
  slot.unix_seconds = unix_seconds;
  slot.token.assign(text.data());
  return slot.token;
}

Status FormTokens::Check(std::string_view token, std::int64_t article_id, Timestamp now,
                         std::chrono::seconds min_age) const {
  // A token of ours is exactly this long; anything else is refused before it is decoded.
  constexpr std::size_t kTokenChars = (kTokenBytes * 4 + 2) / 3;
  if (token.size() != kTokenChars) return Unverifiable();
  std::array<unsigned char, kTokenBytes> bytes{};
  std::size_t decoded = 0;
  if (sodium_base642bin(bytes.data(), bytes.size(), token.data(), token.size(), nullptr, &decoded, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      decoded != kTokenBytes) {
    return Unverifiable();
  }
  if (crypto_auth_verify(bytes.data() + kPayloadBytes, bytes.data(), kPayloadBytes, key_.data()) != 0) {
    return Unverifiable();
  }
  if (static_cast<std::int64_t>(GetInt(bytes.data())) != article_id) return Unverifiable();
  const Timestamp shown_at = TimestampFromUnix(static_cast<std::int64_t>(GetInt(bytes.data() + 8)));
  if (shown_at > now + kClockSkew || now - shown_at > kMaxFormAge) {
    return MakeError(ErrorCode::kInvalid,
                     "The comment form has expired. Your text is below: please send it again.");
  }
  if (now - shown_at < min_age) {
    return MakeError(ErrorCode::kInvalid,
                     "The comment was sent too quickly after the page was shown. Please take a moment, then "
                     "send it again.");
  }
  return OkStatus();
}

}  // namespace gazette::comments
