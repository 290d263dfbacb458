#pragma once
/// View: the data a template is rendered with: a tree of strings, booleans, objects and lists.
/// Values are HTML-escaped by templates ({{x}}) unless the template asks for raw HTML ({{{x}}}), which
/// is used only for HTML we produced ourselves (rendered Markdown, the page body inside a layout).

#include <kainjow/mustache.hpp>

namespace gazette::render {

using View = kainjow::mustache::data;
using ViewList = kainjow::mustache::list;
using ViewObject = kainjow::mustache::object;

}  // namespace gazette::render
