#include "gazette/render/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>

namespace gazette::render {
namespace {

// GitHub's own set minus the ones we do not want: tasklists make no sense in news, footnotes are off.
constexpr const char* kExtensions[] = {"table", "autolink", "strikethrough", "tagfilter"};

// Safe by default in 0.29 (no CMARK_OPT_UNSAFE): raw HTML becomes a comment and unsafe link schemes are
// emptied. VALIDATE_UTF8 replaces invalid sequences with U+FFFD so the stored HTML is always valid UTF-8.
// No CMARK_OPT_SMART: editors type the quotes they mean, and smart quotes would break code-like text.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct CharDeleter {
  void operator()(char* s) const {
    std::free(s);
  }  // NOLINT(cppcoreguidelines-no-malloc): cmark allocates with malloc
};

void RegisterExtensionsOnce() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

// cmark-gfm 0.29 switches the inline parser's special characters (~ for strikethrough, : @ w for autolink)
// on and off in a process-wide table while it parses, so two parses at once can miss each other's
// strikethrough. Markdown is rendered on save, not per read, so one lock costs nothing that matters.
std::mutex& ParseMutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

std::string MarkdownToHtml(std::string_view markdown) {
  RegisterExtensionsOnce();
  std::unique_ptr<char, CharDeleter> html;
  {
    const std::lock_guard lock(ParseMutex());
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(kOptions));
    for (const char* name : kExtensions) {
      if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
        cmark_parser_attach_syntax_extension(parser.get(), extension);
      }
    }
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));
    html.reset(cmark_render_html(document.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get())));
  }
  return html ? std::string(html.get()) : std::string();
}

}  // namespace gazette::render
