#include "gazette/http/accept_encoding.hpp"

#include <algorithm>
#include <optional>

#include "gazette/http/detail/header_syntax.hpp"

namespace gazette::http {
namespace {

/// A qvalue in thousandths (RFC 9110 section 12.4.2): "0" ["." 0*3DIGIT] or "1" ["." 0*3("0")].
std::optional<int> ParseQvalue(std::string_view text) {
  if (text.empty() || (text[0] != '0' && text[0] != '1')) return std::nullopt;
  const bool one = text[0] == '1';
  int thousandths = one ? 1000 : 0;
  if (text.size() == 1) return thousandths;
  if (text[1] != '.' || text.size() > 5) return std::nullopt;
  int scale = 100;
  for (const char c : text.substr(2)) {
    if (c < '0' || c > '9' || (one && c != '0')) return std::nullopt;
    thousandths += (c - '0') * scale;
    scale /= 10;
  }
  return thousandths;
}

/// One list element: a coding name and its weight (1000 when no weight is given).
struct Element {
  std::string_view name;
  int weight = 1000;
};

/// codings [ OWS ";" OWS "q=" qvalue ], blanks around; nullopt when malformed.
std::optional<Element> ParseElement(std::string_view text) {
  const std::size_t semicolon = text.find(';');
  Element element{detail::TrimBlanks(text.substr(0, semicolon)), 1000};
  if (element.name.empty() || !std::all_of(element.name.begin(), element.name.end(), detail::IsTokenChar)) {
    return std::nullopt;
  }
  if (semicolon == std::string_view::npos) return element;
  const std::string_view parameter = detail::TrimBlanks(text.substr(semicolon + 1));
  // Parameter names are case-insensitive (RFC 9110 section 5.6.6); "q" is the only one this field defines.
  if (parameter.size() < 2 || (parameter[0] != 'q' && parameter[0] != 'Q') || parameter[1] != '=') {
    return std::nullopt;
  }
  const auto weight = ParseQvalue(parameter.substr(2));
  if (!weight) return std::nullopt;
  element.weight = *weight;
  return element;
}

/// The weights the field gives; nullopt for a coding it does not name.
struct Weights {
  std::optional<int> gzip, brotli, identity, any;

  static void Lower(std::optional<int>& slot, int weight) { slot = slot ? std::min(*slot, weight) : weight; }

  void Add(const Element& element) {
    if (detail::EqualsIgnoreCase(element.name, "gzip") || detail::EqualsIgnoreCase(element.name, "x-gzip")) {
      Lower(gzip, element.weight);
    } else if (detail::EqualsIgnoreCase(element.name, "br")) {
      Lower(brotli, element.weight);
    } else if (detail::EqualsIgnoreCase(element.name, "identity")) {
      Lower(identity, element.weight);
    } else if (element.name == "*") {
      Lower(any, element.weight);
    }
  }
};

}  // namespace

std::string_view ContentCodingName(ContentCoding coding) noexcept {
  switch (coding) {
    case ContentCoding::kGzip:
      return "gzip";
    case ContentCoding::kBrotli:
      return "br";
    case ContentCoding::kIdentity:
      break;
  }
  return "identity";
}

ContentCoding ChooseCoding(std::string_view accept_encoding, bool brotli_available) noexcept {
  if (accept_encoding.size() > kMaxAcceptEncodingBytes) return ContentCoding::kIdentity;
  Weights weights;
  while (!accept_encoding.empty()) {
    const std::size_t comma = accept_encoding.find(',');
    if (const auto element = ParseElement(accept_encoding.substr(0, comma))) weights.Add(*element);
    accept_encoding.remove_prefix(comma == std::string_view::npos ? accept_encoding.size() : comma + 1);
  }
  // "*" covers the codings not named; a coding neither named nor covered is not acceptable.
  const int brotli = brotli_available ? weights.brotli.value_or(weights.any.value_or(0)) : 0;
  const int gzip = weights.gzip.value_or(weights.any.value_or(0));
  // Identity stays acceptable unless refused by name or by "*" (section 12.5.3); unnamed, it yields to any
  // acceptable coding because sending less over the wire is the point of asking.
  const int identity = weights.identity.value_or(weights.any.value_or(0));
  const int best = std::max(brotli, gzip);
  if (best == 0 || best < identity) return ContentCoding::kIdentity;
  return brotli == best ? ContentCoding::kBrotli : ContentCoding::kGzip;
}

}  // namespace gazette::http
