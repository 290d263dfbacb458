#pragma once
/// Content negotiation of the Accept-Encoding request field (RFC 9110 section 12.5.3): which of the codings
/// a cached page is kept in (identity, gzip, brotli) goes to this client.

#include <cstddef>
#include <string_view>

namespace gazette::http {

/// The content codings Gazette sends; the Content-Encoding value of each is ContentCodingName().
enum class ContentCoding { kIdentity, kGzip, kBrotli };

/// "identity" (never sent as a Content-Encoding field), "gzip" or "br".
std::string_view ContentCodingName(ContentCoding coding) noexcept;

/// Longest Accept-Encoding value read, in bytes; a longer one is answered with identity. Browsers send about
/// 30 bytes; the cap keeps the cost of a hostile field fixed whatever the server's header limit.
inline constexpr std::size_t kMaxAcceptEncodingBytes = 4096;

/// The coding to send for the field value accept_encoding (empty when the field is absent), given that a gzip
/// variant always exists and a brotli one when brotli_available.
/// - q-values pick the coding (q=0 refuses it); at equal weight brotli beats gzip, and both beat identity;
/// - "*" stands for every coding the field does not name; "x-gzip" is gzip; names are case-insensitive;
/// - a coding named twice keeps its lower weight, so a refusal is never overridden;
/// - malformed elements (bad token, bad qvalue, other parameters) are skipped;
/// - identity when nothing else is acceptable, even if the field refuses identity: a page is better than
///   a 406 for a client that refuses everything.
/// Linear in the field's length; never throws.
ContentCoding ChooseCoding(std::string_view accept_encoding, bool brotli_available) noexcept;

}  // namespace gazette::http
