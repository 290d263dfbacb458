#include "gazette/render/date_formatter.hpp"

#include <fmt/format.h>
#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include "gazette/base/per_thread_copy.hpp"

namespace gazette::render {
namespace {

// A date pattern is a short line of configuration; anything longer is a mistake, not a format.
constexpr std::size_t kMaxPatternBytes = 100;
// BCP 47 tags used for sites are short ("en", "pt-BR", "sr-Latn-RS"); 35 covers every registered form.
constexpr std::size_t kMaxLanguageBytes = 35;

icu::UnicodeString FromUtf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

// ICU falls back to its root locale (English names) for a language it has no data for, which would
// silently show the wrong day names; we would rather refuse the configuration.
bool HasLocaleData(const icu::Locale& locale) {
  int32_t count = 0;
  const icu::Locale* available = icu::Locale::getAvailableLocales(count);
  for (int32_t i = 0; i < count; ++i) {
    if (std::string_view(available[i].getLanguage()) == locale.getLanguage()) return true;
  }
  return false;
}

Result<icu::Locale> LocaleFor(std::string_view language) {
  auto refuse = [&] {
    return MakeError(ErrorCode::kInvalid, fmt::format("\"{}\" is not a language we have dates for (use a "
                                                      "code such as en, de or pl)",
                                                      language.substr(0, kMaxLanguageBytes)));
  };
  if (language.empty() || language.size() > kMaxLanguageBytes) return refuse();
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(
      icu::StringPiece(language.data(), static_cast<int32_t>(language.size())), status);
  if (U_FAILURE(status) || locale.isBogus() || !HasLocaleData(locale)) return refuse();
  return locale;
}

// ICU formats unknown pattern letters as nothing and tolerates an unclosed quote, so a typo in the
// configuration would silently drop part of the date. Letters outside quotes must be ICU pattern letters.
bool IsKnownPattern(const icu::UnicodeString& pattern) {
  const char16_t* letters = icu::DateFormatSymbols::getPatternUChars();
  const std::u16string_view known(letters);
  bool quoted = false;
  for (int32_t i = 0; i < pattern.length(); ++i) {
    const char16_t c = pattern.charAt(i);
    if (c == u'\'') {
      quoted = !quoted;  // '' is a literal quote: it toggles twice
    } else if (!quoted && ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')) &&
               known.find(c) == std::u16string_view::npos) {
      return false;
    }
  }
  return !quoted;
}

std::string FormatWith(const icu::DateFormat& format, Timestamp t, UErrorCode& status) {
  icu::UnicodeString text;
  icu::FieldPosition position;
  format.format(static_cast<UDate>(ToUnix(t)) * 1000.0, text, position, status);
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

struct DateFormatter::Impl {
  Impl(TimeZone z, std::shared_ptr<const icu::DateFormat> prototype)
      : zone(std::move(z)), formats([prototype = std::move(prototype)] {
          return std::unique_ptr<icu::DateFormat>(prototype->clone());
        }) {}

  TimeZone zone;
  // DateFormat::format mutates the formatter's calendar, so each thread formats with its own clone of the
  // prototype rather than sharing one behind a lock on the request path.
  PerThreadCopy<icu::DateFormat> formats;
};

DateFormatter::DateFormatter() = default;
DateFormatter::DateFormatter(DateFormatter&&) noexcept = default;
DateFormatter& DateFormatter::operator=(DateFormatter&&) noexcept = default;
DateFormatter::~DateFormatter() = default;

Result<DateFormatter> DateFormatter::Create(std::string_view icu_pattern, std::string_view language,
                                            TimeZone zone) {
  if (icu_pattern.empty() || icu_pattern.size() > kMaxPatternBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("the date format must be 1 to {} bytes long", kMaxPatternBytes));
  }
  auto locale = LocaleFor(language);
  if (!locale.ok()) return std::move(locale).error();

  auto refuse_pattern = [&] {
    return MakeError(
        ErrorCode::kInvalid,
        fmt::format("\"{}\" is not a date format ICU understands (see the ICU date/time patterns, "
                    "e.g. EEEE, d.MM.yyyy)",
                    icu_pattern));
  };
  const icu::UnicodeString pattern = FromUtf8(icu_pattern);
  if (!IsKnownPattern(pattern)) return refuse_pattern();
  UErrorCode status = U_ZERO_ERROR;
  auto format = std::make_shared<icu::SimpleDateFormat>(pattern, *locale, status);
  if (U_FAILURE(status)) return refuse_pattern();
  // The zone was validated by TimeZone::Load; the ICU object behind it is private to base.
  format->adoptTimeZone(icu::TimeZone::createTimeZone(FromUtf8(zone.name())));
  // Whatever else ICU finds wrong shows when formatting: try once now rather than on a request.
  FormatWith(*format, Timestamp{}, status);
  if (U_FAILURE(status)) return refuse_pattern();

  DateFormatter formatter;
  formatter.impl_ = std::make_unique<Impl>(std::move(zone), std::move(format));
  return formatter;
}

std::string DateFormatter::Format(Timestamp t) const {
  UErrorCode status = U_ZERO_ERROR;
  std::string text = FormatWith(impl_->formats.Get(), t, status);
  if (U_FAILURE(status)) return IsoDate(t);  // cannot happen after Create's trial, but never show garbage
  return text;
}

std::string DateFormatter::IsoDate(Timestamp t) const {
  return impl_->zone.DateOf(t).ToIso();
}

const TimeZone& DateFormatter::zone() const {
  return impl_->zone;
}

}  // namespace gazette::render
