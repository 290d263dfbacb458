#pragma once
/// ArticleWriter: composes one synthetic news article (title, intro and body in Markdown) from the demo
/// vocabulary and a Random, so that the same generator state always gives the same text.

#include <string>
#include <string_view>

#include "gazette/demo/random.hpp"
#include "gazette/demo/word_lists.hpp"

namespace gazette::demo {

struct WrittenArticle {
  std::string title;
  std::string intro_markdown;
  std::string body_markdown;
};

/// What an article is about; the writer fills templates from it.
struct ArticleSubject {
  const DemoCountry* country = nullptr;  ///< where it happens (even when the article carries no label)
  std::string_view place;
  std::string_view service;  ///< chosen by WriteArticle when empty, so that one article keeps one topic
  std::string_view tech;
  int latest_year = 2001;  ///< the year of the article: no "{year}" later than this
  bool expert_panel = false;
  std::uint64_t index = 0;  ///< makes links unique
};

/// Stateless apart from rng; thread-safe for distinct Random objects.
WrittenArticle WriteArticle(const ArticleSubject& subject, Random& rng);

/// Replaces the placeholders of a template ({Place}, {place}, {Country}, {country}, {service}, {tech},
/// {Institution}, {institution}, {year}, {n}) and appends the result to out. Exposed for tests.
void Fill(std::string_view pattern, const ArticleSubject& subject, Random& rng, std::string& out);

}  // namespace gazette::demo
