#pragma once
/// The vocabulary of the demo news: countries with their (often accented) places, the category tree,
/// people, organisations, tags, and the title and sentence templates. All original text.

#include <span>
#include <string_view>

namespace gazette::demo {

struct DemoCountry {
  std::string_view code;      ///< ISO 3166-1 alpha-2, the article's country label
  std::string_view name;      ///< "Poland"
  std::string_view category;  ///< slug of the regional category its news goes to
  std::span<const std::string_view> places;
};

struct DemoCategory {
  std::string_view slug;
  std::string_view name;
  std::string_view parent;  ///< slug of the parent, empty at the top level
  std::string_view description;
};

struct Vocabulary {
  std::span<const DemoCountry> countries;
  std::span<const DemoCategory> categories;
  std::span<const std::string_view> topic_categories;  ///< slugs of categories by subject, not region
  std::span<const std::string_view> first_names;
  std::span<const std::string_view> last_names;
  std::span<const std::string_view> roles;
  std::span<const std::string_view> organisations;
  std::span<const std::string_view> tags;
  std::span<const std::string_view> services;
  std::span<const std::string_view> technologies;
  std::span<const std::string_view> institutions;  ///< "{place} city council", ...
  std::span<const std::string_view> titles;        ///< templates, see Fill()
  std::span<const std::string_view> panel_questions;
  std::span<const std::string_view> intro_sentences;
  std::span<const std::string_view> body_sentences;
  std::span<const std::string_view> subheadings;
  std::span<const std::string_view> list_items;
  std::span<const std::string_view> link_texts;
};

/// The one vocabulary; static, thread-safe.
const Vocabulary& DemoVocabulary();

}  // namespace gazette::demo
