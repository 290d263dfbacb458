#include "gazette/demo/article_writer.hpp"

#include <fmt/format.h>

namespace gazette::demo {

namespace {

constexpr int kFirstYear = 2001;

void AppendCapitalised(std::string_view text, std::string& out) {
  const std::size_t start = out.size();
  out.append(text);
  if (start < out.size() && out[start] >= 'a' && out[start] <= 'z')
    out[start] = static_cast<char>(out[start] - 32);
}

/// Deals the templates of a pool in an order fixed by rng without repeating one until all were used
/// (a stride coprime with the pool size visits every index once per round).
class Deck {
 public:
  Deck(std::span<const std::string_view> pool, Random& rng) : pool_(pool), next_(rng.Below(pool.size())) {
    do {
      stride_ = 1 + rng.Below(pool.size());
    } while (Gcd(stride_, pool.size()) != 1);
  }
  std::string_view Next() {
    const std::string_view item = pool_[next_];
    next_ = (next_ + stride_) % pool_.size();
    return item;
  }

 private:
  static std::size_t Gcd(std::size_t a, std::size_t b) { return b == 0 ? a : Gcd(b, a % b); }
  std::span<const std::string_view> pool_;
  std::size_t next_;
  std::size_t stride_ = 1;
};

/// One sentence or title: templates of the vocabulary, filled.
std::string Filled(std::string_view pattern, const ArticleSubject& subject, Random& rng) {
  std::string out;
  Fill(pattern, subject, rng, out);
  return out;
}

void AppendSentences(const ArticleSubject& subject, Random& rng, Deck& deck, int count, std::string& out) {
  for (int i = 0; i < count; ++i) {
    if (i > 0) out += ' ';
    Fill(deck.Next(), subject, rng, out);
  }
}

/// A paragraph of 2-3 sentences, one of which may be emphasised.
void AppendParagraph(const ArticleSubject& subject, Random& rng, Deck& deck, bool emphasis,
                     std::string& out) {
  const int sentences = static_cast<int>(rng.Between(2, 3));
  for (int i = 0; i < sentences; ++i) {
    if (i > 0) out += ' ';
    if (emphasis && i == 1) {
      out += '*';
      std::string sentence = Filled(deck.Next(), subject, rng);
      sentence.pop_back();  // the full stop goes outside the emphasis
      out += sentence;
      out += "*.";
    } else {
      Fill(deck.Next(), subject, rng, out);
    }
  }
  out += "\n\n";
}

void AppendList(const ArticleSubject& subject, Random& rng, std::string& out) {
  const Vocabulary& v = DemoVocabulary();
  out += "Their advice to others:\n\n";
  const int items = static_cast<int>(rng.Between(3, 4));
  const std::size_t first = rng.Below(v.list_items.size());
  for (int i = 0; i < items; ++i) {
    out += "- ";
    Fill(v.list_items[(first + static_cast<std::size_t>(i) * 5) % v.list_items.size()], subject, rng, out);
    out += '\n';
  }
  out += '\n';
}

void AppendTable(const ArticleSubject& subject, Random& rng, std::string& out) {
  const int before_year = static_cast<int>(rng.Between(kFirstYear, subject.latest_year));
  out += fmt::format("| Measure | {} | {} |\n|---|---:|---:|\n", before_year, subject.latest_year);
  // One draw per statement: the order of evaluation of function arguments is unspecified.
  const std::int64_t online_before = rng.Between(5, 40);
  const std::int64_t online_after = rng.Between(45, 95);
  const std::int64_t days_before = rng.Between(15, 60);
  const std::int64_t days_after = rng.Between(1, 14);
  const std::int64_t staff_before = rng.Between(30, 90);
  const std::int64_t staff_after = rng.Between(8, 29);
  out += fmt::format("| Requests made online | {}% | {}% |\n", online_before, online_after);
  out += fmt::format("| Average days to a decision | {} | {} |\n", days_before, days_after);
  out += fmt::format("| Staff handling the service in {} | {} | {} |\n\n", subject.place, staff_before,
                     staff_after);
}

}  // namespace

void Fill(std::string_view pattern, const ArticleSubject& subject, Random& rng, std::string& out) {
  const Vocabulary& v = DemoVocabulary();
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    const std::size_t open = pattern.find('{', pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(pos, open - pos));
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    if (name == "place" || name == "Place") {
      out.append(subject.place);
    } else if (name == "country") {
      out.append(subject.country->name);
    } else if (name == "Country") {
      AppendCapitalised(subject.country->name, out);
    } else if (name == "service") {
      out.append(subject.service.empty() ? rng.Pick(v.services) : subject.service);
    } else if (name == "tech") {
      out.append(subject.tech.empty() ? rng.Pick(v.technologies) : subject.tech);
    } else if (name == "institution") {
      Fill(rng.Pick(v.institutions), subject, rng, out);
    } else if (name == "Institution") {
      const std::size_t start = out.size();
      Fill(rng.Pick(v.institutions), subject, rng, out);
      if (start < out.size() && out[start] >= 'a' && out[start] <= 'z') {
        out[start] = static_cast<char>(out[start] - 32);
      }
    } else if (name == "year") {
      out += fmt::format("{}", rng.Between(kFirstYear, subject.latest_year));
    } else if (name == "n") {
      out += fmt::format("{}", rng.Between(3, 40));
    } else {
      out.append(pattern.substr(open, close - open + 1));  // not a placeholder: keep as written
    }
    pos = close + 1;
  }
  out.append(pattern.substr(pos));
}

WrittenArticle WriteArticle(const ArticleSubject& about, Random& rng) {
  const Vocabulary& v = DemoVocabulary();
  ArticleSubject subject = about;
  if (subject.service.empty()) subject.service = rng.Pick(v.services);
  if (subject.tech.empty()) subject.tech = rng.Pick(v.technologies);
  Deck intro_deck(v.intro_sentences, rng);
  Deck body_deck(v.body_sentences, rng);
  WrittenArticle a;
  a.title = Filled(rng.Pick(subject.expert_panel ? v.panel_questions : v.titles), subject, rng);

  if (subject.expert_panel) {
    // The panel (demo_panels.cpp) draws its own number of experts, so the intro names none. The draw that
    // used to give this sentence a number stays: every later value of the demo site is made as before.
    rng.Between(4, 9);
    a.intro_markdown =
        "We asked practitioners from councils, ministries and suppliers the same question. Read the experts' "
        "advice and share your own thoughts below.\n\n";
    const std::string_view role = rng.Pick(v.roles);
    a.intro_markdown += fmt::format("The first answer comes from a {} in {}: ", role, subject.place);
    AppendSentences(subject, rng, body_deck, 1, a.intro_markdown);
    a.intro_markdown += '\n';
  } else {
    AppendSentences(subject, rng, intro_deck, static_cast<int>(rng.Between(2, 3)), a.intro_markdown);
    if (rng.Percent(50)) {
      a.intro_markdown += "\n\n";
      AppendSentences(subject, rng, intro_deck, 2, a.intro_markdown);
    }
    a.intro_markdown += '\n';
  }

  std::string& body = a.body_markdown;
  const int paragraphs = static_cast<int>(rng.Between(4, 10));
  const int heading_after = static_cast<int>(rng.Between(1, 2));
  const int list_after = static_cast<int>(rng.Between(2, paragraphs - 1));
  const int emphasis_in = static_cast<int>(rng.Below(static_cast<std::uint64_t>(paragraphs)));
  const bool table = rng.Percent(15);
  body.reserve(2048);
  for (int p = 0; p < paragraphs; ++p) {
    if (p == heading_after) {
      body += "## ";
      Fill(rng.Pick(v.subheadings), subject, rng, body);
      body += "\n\n";
    }
    AppendParagraph(subject, rng, body_deck, p == emphasis_in, body);
    if (p == list_after) AppendList(subject, rng, body);
    if (table && p == heading_after) AppendTable(subject, rng, body);
  }
  const std::string_view link_text = rng.Pick(v.link_texts);
  body +=
      fmt::format("More detail is in [{}](https://example.org/reports/{}).\n", link_text, subject.index + 1);
  return a;
}

}  // namespace gazette::demo
