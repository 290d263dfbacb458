#include "gazette/storage/sqlite/sqlite_panel_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <charconv>
#include <string>

#include "gazette/storage/sqlite/article_queries.hpp"
#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

// Keys of this store's statements; the block is clear of every other store's.
enum Key : std::uint64_t {
  kPanelOf = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 1500,
  kFeatured,
  kArticleExists,
  kUpsertPanel,
  kDeletePanel,
  kTouchArticle,
  kPanelCount,
  kInsertContribution,
  kUpdateContribution,
  kPositionOf,
  kNeighbourAbove,
  kNeighbourBelow,
  kSetPosition,
  kDeleteContribution,
  kCloseGap,
};

/// The store's own bounds in bytes: a character of UTF-8 takes at most four.
constexpr std::size_t kBytesPerCharacter = 4;

Status CheckLength(std::string_view text, std::size_t max_characters, std::string_view what) {
  if (text.size() > max_characters * kBytesPerCharacter) {
    return MakeError(ErrorCode::kInvalid, fmt::format("{} is limited to {} characters", what, max_characters));
  }
  return OkStatus();
}

Status CheckFields(const ContributionFields& fields) {
  if (fields.expert_name.empty()) return MakeError(ErrorCode::kInvalid, "a contribution needs the expert's name");
  for (const auto& [text, what] : {std::pair<std::string_view, std::string_view>{fields.expert_name, "a name"},
                                   {fields.expert_role, "a role"},
                                   {fields.expert_organisation, "an organisation"}}) {
    if (Status ok = CheckLength(text, domain::kMaxExpertFieldCharacters, what); !ok.ok()) return ok;
  }
  if (Status ok = CheckLength(fields.answer_markdown, domain::kMaxAnswerCharacters, "an answer"); !ok.ok()) {
    return ok;
  }
  // The HTML is rendered from the Markdown; a few times its size is generous for the markup.
  if (fields.answer_html.size() > 4 * domain::kMaxAnswerCharacters * kBytesPerCharacter) {
    return MakeError(ErrorCode::kInvalid, "the rendered answer is too long");
  }
  return OkStatus();
}

/// Widths as the media table stores them ("320,640"); anything odd is skipped rather than shown.
std::vector<int> SplitSizes(std::string_view text) {
  std::vector<int> sizes;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view part = text.substr(0, comma);
    int width = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), width);
    if (ec == std::errc() && end == part.data() + part.size() && width > 0) sizes.push_back(width);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return sizes;
}

/// Columns read by ReadContribution, from `panel_contributions pc` left-joined with `media m`.
constexpr const char* kContributionColumns =
    "pc.id, pc.position, pc.expert_name, pc.expert_role, pc.expert_organisation, pc.answer_markdown, "
    "pc.answer_html, m.id, m.sha256, m.mime, m.width, m.height, m.sizes, m.alt";

/// Reads the kContributionColumns of the current row, which start at column `first`.
domain::PanelContribution ReadContribution(const Statement& s, int first) {
  domain::PanelContribution c;
  c.id = s.Int(first);
  c.position = static_cast<int>(s.Int(first + 1));
  s.ReadInto(first + 2, c.expert_name);
  s.ReadInto(first + 3, c.expert_role);
  s.ReadInto(first + 4, c.expert_organisation);
  s.ReadInto(first + 5, c.answer_markdown);
  s.ReadInto(first + 6, c.answer_html);
  if (!s.IsNull(first + 7)) {
    domain::MediaItem& photo = c.photo.emplace();
    photo.id = s.Int(first + 7);
    s.ReadInto(first + 8, photo.sha256);
    s.ReadInto(first + 9, photo.mime);
    photo.width = static_cast<int>(s.Int(first + 10));
    photo.height = static_cast<int>(s.Int(first + 11));
    photo.sizes = SplitSizes(s.Text(first + 12));
    s.ReadInto(first + 13, photo.alt);
  }
  return c;
}

Error NotAPanel(std::int64_t article_id) {
  return MakeError(ErrorCode::kNotFound, fmt::format("article {} is not an expert panel", article_id));
}

Error NoSuchContribution(std::int64_t contribution_id) {
  return MakeError(ErrorCode::kNotFound,
                   fmt::format("there is no contribution {} in this panel (it may have been removed)",
                               contribution_id));
}

/// The article's updated_at becomes now, so that caches, feeds and the editors' list see the change.
void TouchArticle(Connection& connection, std::int64_t article_id, Timestamp now) {
  ScopedUse s(connection.Cached(
      kTouchArticle, [] { return std::string("UPDATE articles SET updated_at = ?2 WHERE id = ?1"); }));
  s->BindInt(1, article_id);
  s->BindInt(2, ToUnix(now));
  s->Run();
}

/// How many contributions the panel has and the last position, or empty when article_id is not a panel.
struct PanelCount {
  std::int64_t contributions = 0;
  std::int64_t last_position = 0;
};
std::optional<PanelCount> CountOf(Connection& connection, std::int64_t article_id) {
  ScopedUse s(connection.Cached(kPanelCount, [] {
    return std::string(
        "SELECT count(pc.id), coalesce(max(pc.position), 0) FROM expert_panels p "
        "LEFT JOIN panel_contributions pc ON pc.article_id = p.article_id WHERE p.article_id = ?1 "
        "GROUP BY p.article_id");
  }));
  s->BindInt(1, article_id);
  if (!s->Step()) return std::nullopt;
  return PanelCount{s->Int(0), s->Int(1)};
}

/// The contribution's position, when it belongs to article_id.
std::optional<std::int64_t> PositionOf(Connection& connection, std::int64_t article_id,
                                       std::int64_t contribution_id) {
  ScopedUse s(connection.Cached(kPositionOf, [] {
    return std::string("SELECT position FROM panel_contributions WHERE id = ?1 AND article_id = ?2");
  }));
  s->BindInt(1, contribution_id);
  s->BindInt(2, article_id);
  if (!s->Step()) return std::nullopt;
  return s->Int(0);
}

/// Binds fields as ?3 .. ?8 in the order of the INSERT and UPDATE below.
void BindFields(Statement& s, const ContributionFields& fields) {
  s.BindOptionalInt(3, fields.photo_media_id);
  s.BindText(4, fields.expert_name);
  s.BindText(5, fields.expert_role);
  s.BindText(6, fields.expert_organisation);
  s.BindText(7, fields.answer_html);
  s.BindText(8, fields.answer_markdown);
}

/// The only foreign key a contribution's write can break once its panel was found is the photo's.
template <typename Write>
Status WithPhotoCheck(Write&& write) {
  try {
    write();
  } catch (const SQLite::Exception& e) {
    if (e.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
    return MakeError(ErrorCode::kInvalid, "the photo is not in the media library");
  }
  return OkStatus();
}

}  // namespace

Result<std::optional<domain::ExpertPanel>> SqlitePanelStore::FindByArticle(std::int64_t article_id) {
  return Guarded(pool_.path(), "read an expert panel", [&]() -> Result<std::optional<domain::ExpertPanel>> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kPanelOf, [] {
      return fmt::format(
          "SELECT p.question, p.lead, {} FROM expert_panels p "
          "LEFT JOIN panel_contributions pc ON pc.article_id = p.article_id "
          "LEFT JOIN media m ON m.id = pc.photo_media_id "
          "WHERE p.article_id = ?1 ORDER BY pc.position, pc.id",
          kContributionColumns);
    }));
    s->BindInt(1, article_id);
    if (!s->Step()) return std::optional<domain::ExpertPanel>();
    domain::ExpertPanel panel;
    panel.article_id = article_id;
    s->ReadInto(0, panel.question);
    s->ReadInto(1, panel.lead);
    do {
      if (s->IsNull(2)) break;  // a panel without contributions: one row of NULLs
      panel.contributions.push_back(ReadContribution(*s, 2));
    } while (s->Step());
    return std::optional<domain::ExpertPanel>(std::move(panel));
  });
}

Result<std::optional<domain::FeaturedPanel>> SqlitePanelStore::FindFeatured(Timestamp now) {
  return Guarded(pool_.path(), "read the featured expert panel",
                 [&]() -> Result<std::optional<domain::FeaturedPanel>> {
                   Connection& connection = pool_.ForThisThread();
                   // Featured articles are a handful: read them from articles_featured and sort those.
                   // Left to itself the planner walks every visible article in date order looking for a
                   // featured one with a panel: 70 ms on a 100,000-article site where none has one. The
                   // first answer is found through panel_contributions_in_order.
                   ScopedUse s(connection.Cached(kFeatured, [] {
                     return fmt::format(
                         "SELECT {}, p.question, p.lead, {} FROM articles a INDEXED BY articles_featured{} "
                         "CROSS JOIN expert_panels p ON p.article_id = a.id "
                         "LEFT JOIN panel_contributions pc ON pc.id = (SELECT f.id FROM panel_contributions f "
                         "WHERE f.article_id = a.id ORDER BY f.position, f.id LIMIT 1) "
                         "LEFT JOIN media m ON m.id = pc.photo_media_id "
                         "WHERE a.featured = 1 AND {} ORDER BY a.publish_at DESC, a.id DESC LIMIT 1",
                         article_sql::kSummaryColumns, kContributionColumns, article_sql::kJoinAuthorAndCategory,
                         article_sql::kVisible);
                   }));
                   s->BindInt(1, ToUnix(now));
                   if (!s->Step()) return std::optional<domain::FeaturedPanel>();
                   domain::FeaturedPanel featured;
                   article_sql::ReadSummary(*s, featured.article);
                   constexpr int kFirst = article_sql::kSummaryColumnCount;
                   s->ReadInto(kFirst, featured.question);
                   s->ReadInto(kFirst + 1, featured.lead);
                   if (!s->IsNull(kFirst + 2)) featured.first = ReadContribution(*s, kFirst + 2);
                   return std::optional<domain::FeaturedPanel>(std::move(featured));
                 });
}

Status SqlitePanelStore::SavePanel(std::int64_t article_id, std::string_view question, std::string_view lead,
                                   Timestamp now) {
  if (question.empty()) return MakeError(ErrorCode::kInvalid, "a panel needs a question");
  if (Status ok = CheckLength(question, domain::kMaxPanelQuestionCharacters, "a question"); !ok.ok()) return ok;
  if (Status ok = CheckLength(lead, domain::kMaxPanelLeadCharacters, "a lead"); !ok.ok()) return ok;
  return Guarded(pool_.path(), "save an expert panel", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    return connection.InTransaction([&]() -> Status {
      {
        ScopedUse s(connection.Cached(
            kArticleExists, [] { return std::string("SELECT 1 FROM articles WHERE id = ?1"); }));
        s->BindInt(1, article_id);
        if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("there is no article {}", article_id));
      }
      {
        ScopedUse s(connection.Cached(kUpsertPanel, [] {
          return std::string(
              "INSERT INTO expert_panels (article_id, question, lead) VALUES (?1, ?2, ?3) "
              "ON CONFLICT (article_id) DO UPDATE SET question = excluded.question, lead = excluded.lead");
        }));
        s->BindInt(1, article_id);
        s->BindText(2, question);
        s->BindText(3, lead);
        s->Run();
      }
      TouchArticle(connection, article_id, now);
      return OkStatus();
    });
  });
}

Status SqlitePanelStore::RemovePanel(std::int64_t article_id, Timestamp now) {
  return Guarded(pool_.path(), "remove an expert panel", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    return connection.InTransaction([&]() -> Status {
      {
        ScopedUse s(connection.Cached(
            kDeletePanel, [] { return std::string("DELETE FROM expert_panels WHERE article_id = ?1"); }));
        s->BindInt(1, article_id);
        s->Run();
      }
      if (connection.database().getChanges() == 0) return NotAPanel(article_id);
      TouchArticle(connection, article_id, now);
      return OkStatus();
    });
  });
}

Result<std::int64_t> SqlitePanelStore::AddContribution(std::int64_t article_id, const ContributionFields& fields,
                                                       Timestamp now) {
  if (Status ok = CheckFields(fields); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "add a contribution", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    std::int64_t id = 0;
    Status done = connection.InTransaction([&]() -> Status {
      const std::optional<PanelCount> count = CountOf(connection, article_id);
      if (!count) return NotAPanel(article_id);
      if (count->contributions >= static_cast<std::int64_t>(domain::kMaxContributions)) {
        return MakeError(ErrorCode::kInvalid, fmt::format("a panel has at most {} contributions",
                                                          domain::kMaxContributions));
      }
      Status written = WithPhotoCheck([&] {
        ScopedUse s(connection.Cached(kInsertContribution, [] {
          return std::string(
              "INSERT INTO panel_contributions (article_id, position, photo_media_id, expert_name, "
              "expert_role, expert_organisation, answer_html, answer_markdown) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        }));
        s->BindInt(1, article_id);
        s->BindInt(2, count->last_position + 1);
        BindFields(*s, fields);
        s->Run();
        id = connection.database().getLastInsertRowid();
      });
      if (!written.ok()) return written;
      TouchArticle(connection, article_id, now);
      return OkStatus();
    });
    if (!done.ok()) return std::move(done).error();
    return id;
  });
}

Status SqlitePanelStore::UpdateContribution(std::int64_t article_id, std::int64_t contribution_id,
                                            const ContributionFields& fields, Timestamp now) {
  if (Status ok = CheckFields(fields); !ok.ok()) return ok;
  return Guarded(pool_.path(), "change a contribution", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    return connection.InTransaction([&]() -> Status {
      bool changed = false;
      Status written = WithPhotoCheck([&] {
        ScopedUse s(connection.Cached(kUpdateContribution, [] {
          return std::string(
              "UPDATE panel_contributions SET photo_media_id = ?3, expert_name = ?4, expert_role = ?5, "
              "expert_organisation = ?6, answer_html = ?7, answer_markdown = ?8 "
              "WHERE id = ?1 AND article_id = ?2");
        }));
        s->BindInt(1, contribution_id);
        s->BindInt(2, article_id);
        BindFields(*s, fields);
        s->Run();
        changed = connection.database().getChanges() > 0;
      });
      if (!written.ok()) return written;
      if (!changed) return NoSuchContribution(contribution_id);
      TouchArticle(connection, article_id, now);
      return OkStatus();
    });
  });
}

Status SqlitePanelStore::MoveContribution(std::int64_t article_id, std::int64_t contribution_id,
                                          MoveDirection direction, Timestamp now) {
  return Guarded(pool_.path(), "move a contribution", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    return connection.InTransaction([&]() -> Status {
      const std::optional<std::int64_t> position = PositionOf(connection, article_id, contribution_id);
      if (!position) return NoSuchContribution(contribution_id);
      std::int64_t neighbour = 0;
      std::int64_t neighbour_position = 0;
      {
        const bool up = direction == MoveDirection::kUp;
        ScopedUse s(connection.Cached(up ? kNeighbourAbove : kNeighbourBelow, [up] {
          return up ? std::string(
                          "SELECT id, position FROM panel_contributions WHERE article_id = ?1 AND "
                          "(position < ?2 OR (position = ?2 AND id < ?3)) ORDER BY position DESC, id DESC "
                          "LIMIT 1")
                    : std::string(
                          "SELECT id, position FROM panel_contributions WHERE article_id = ?1 AND "
                          "(position > ?2 OR (position = ?2 AND id > ?3)) ORDER BY position, id LIMIT 1");
        }));
        s->BindInt(1, article_id);
        s->BindInt(2, *position);
        s->BindInt(3, contribution_id);
        if (!s->Step()) return OkStatus();  // already first (or last): nothing to do
        neighbour = s->Int(0);
        neighbour_position = s->Int(1);
      }
      const auto set_position = [&](std::int64_t id, std::int64_t value) {
        ScopedUse s(connection.Cached(kSetPosition, [] {
          return std::string("UPDATE panel_contributions SET position = ?2 WHERE id = ?1");
        }));
        s->BindInt(1, id);
        s->BindInt(2, value);
        s->Run();
      };
      set_position(contribution_id, neighbour_position);
      set_position(neighbour, *position);
      TouchArticle(connection, article_id, now);
      return OkStatus();
    });
  });
}

Status SqlitePanelStore::RemoveContribution(std::int64_t article_id, std::int64_t contribution_id,
                                            Timestamp now) {
  return Guarded(pool_.path(), "remove a contribution", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    return connection.InTransaction([&]() -> Status {
      const std::optional<std::int64_t> position = PositionOf(connection, article_id, contribution_id);
      if (!position) return NoSuchContribution(contribution_id);
      {
        ScopedUse s(connection.Cached(kDeleteContribution, [] {
          return std::string("DELETE FROM panel_contributions WHERE id = ?1");
        }));
        s->BindInt(1, contribution_id);
        s->Run();
      }
      {
        // Positions stay 1..n, so that "first" and "last" are plain to see in the data.
        ScopedUse s(connection.Cached(kCloseGap, [] {
          return std::string(
              "UPDATE panel_contributions SET position = position - 1 WHERE article_id = ?1 AND position > ?2");
        }));
        s->BindInt(1, article_id);
        s->BindInt(2, *position);
        s->Run();
      }
      TouchArticle(connection, article_id, now);
      return OkStatus();
    });
  });
}

}  // namespace gazette::storage::sqlite
