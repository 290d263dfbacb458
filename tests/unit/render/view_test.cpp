#include "gazette/render/view.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gazette::render {
namespace {

TEST(View, PutSetsAndReplacesAKey) {
  View view;
  Put(view, "title", std::string("first"));
  Put(view, "title", std::string("second"));
  Put(view, "flag", true);
  ASSERT_NE(view.get("title"), nullptr);
  EXPECT_EQ(view.get("title")->string_value(), "second");
  EXPECT_TRUE(view.get("flag")->is_true());
}

TEST(View, PutMovesATreeInWhole) {
  View inner;
  Put(inner, "name", std::string("Ann"));
  View outer;
  Put(outer, "author", std::move(inner));
  ASSERT_NE(outer.get("author"), nullptr);
  ASSERT_NE(outer.get("author")->get("name"), nullptr);
  EXPECT_EQ(outer.get("author")->get("name")->string_value(), "Ann");
}

TEST(View, AppendAddsItemsInOrder) {
  View list{View::type::list};
  Append(list, Text(std::string("a")));
  View item;
  Put(item, "x", std::string("b"));
  Append(list, std::move(item));
  ASSERT_EQ(list.list_value().size(), 2u);
  EXPECT_EQ(list.list_value()[0].string_value(), "a");
  EXPECT_EQ(list.list_value()[1].get("x")->string_value(), "b");
}

TEST(View, ListViewStartsEmptyAndKeepsItsItemsWhenItGrowsPastItsRoom) {
  View list = ListView(1);
  ASSERT_TRUE(list.is_list());
  EXPECT_TRUE(list.is_empty_list());
  for (int i = 0; i < 5; ++i) Append(list, Text(std::to_string(i)));
  ASSERT_EQ(list.list_value().size(), 5u);
  EXPECT_EQ(list.list_value()[0].string_value(), "0");
  EXPECT_EQ(list.list_value()[4].string_value(), "4");
}

TEST(View, TextHoldsTheWholeString) {
  std::string long_text(10000, 'x');
  long_text.back() = 'y';
  const View view = Text(std::move(long_text));
  ASSERT_TRUE(view.is_string());
  EXPECT_EQ(view.string_value().size(), 10000u);
  EXPECT_EQ(view.string_value().back(), 'y');
  EXPECT_TRUE(Text(std::string()).is_string());
}

}  // namespace
}  // namespace gazette::render
