#pragma once
/// View: the data a template is rendered with: a tree of strings, booleans, objects and lists.
/// Values are HTML-escaped by templates ({{x}}) unless the template asks for raw HTML ({{{x}}}), which
/// is used only for HTML we produced ourselves (rendered Markdown, the page body inside a layout).

#include <kainjow/mustache.hpp>

#include <cstddef>
#include <string>
#include <utility>

namespace gazette::render {

using View = kainjow::mustache::data;
using ViewList = kainjow::mustache::list;
using ViewObject = kainjow::mustache::object;

// kainjow's set() and push_back() take their value by const reference and copy it: a deep copy of every
// string, object and list below it, then a second destruction of the original. A page view is built from
// hundreds of such values, so these move them into place instead. Each leaves the tree as set() and
// push_back() would.

/// Sets key of view to value, replacing any value it had. Precondition: view is an object (a default
/// View is).
inline void Put(View& view, const std::string& key, View value) {
  view[key] = std::move(value);
}

/// An empty list View with room for capacity items. kainjow's View has no noexcept move, so a growing
/// list copies every item it holds each time it reallocates: size the list first when the count is known.
inline View ListView(std::size_t capacity) {
  View list{View::type::list};
  const_cast<ViewList&>(list.list_value()).reserve(capacity);  // see Append
  return list;
}

/// Appends item to list. Precondition: list is a list (View{View::type::list}).
inline void Append(View& list, View item) {
  // kainjow offers only const access to a list; the vector itself is an ordinary (non-const) object
  // owned by the View, so writing to it is well defined.
  const_cast<ViewList&>(list.list_value()).push_back(std::move(item));
}

/// A string View that takes over text's buffer (View's own string constructor copies it).
inline View Text(std::string&& text) {
  View view{View::type::string};
  const_cast<std::string&>(view.string_value()) = std::move(text);
  return view;
}

}  // namespace gazette::render
