// TextDraft: what a person typed and has not saved as a record yet (the Observe composer, a
// prompt, an answer, a debrief note or next step, a coaching note), kept in the store's drafts
// table. A form of several fields keeps them in one draft with join_draft_fields.
// Guarantees: a change is written within a second (once typing pauses kDraftQuietMs, at the latest
// kDraftLatestMs after the first unsaved change), and a forced autosave (leaving the screen, the
// app going to the background) writes it at once; an empty text clears the stored draft.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/store.h"

namespace app {

// The one autosave rhythm of typed text. A screen with a dirty draft asks for a frame after
// kDraftQuietMs so the save happens without further input.
inline constexpr std::int64_t kDraftQuietMs = 300;   // save once typing pauses this long
inline constexpr std::int64_t kDraftLatestMs = 800;  // and at the latest this long after a change

class TextDraft {
 public:
  // Points the draft at `key` and loads what the store kept there ("" when nothing).
  void open(const core::Store& store, std::string key);
  const std::string& key() const { return key_; }
  const std::string& text() const { return text_; }
  bool dirty() const { return dirty_; }

  // Records a change typed at wall time `now_ms`.
  void edit(const std::string& text, std::int64_t now_ms);
  // Writes the draft if it changed and typing paused (or `force`); an empty text clears it.
  // False with `error` set when the store refused (the text stays in memory and dirty).
  bool autosave(core::Store& store, std::int64_t now_ms, bool force, std::string& error);
  // After the text was saved as a record (in the same transaction as Drafts::clear).
  void forget();

 private:
  std::string key_;
  std::string text_;
  bool dirty_ = false;
  std::int64_t first_change_ = 0;  // wall ms of the oldest unsaved change
  std::int64_t last_change_ = 0;   // wall ms of the newest change
};

// Joins fields with a tab and splits them again; tabs inside a field become spaces, since
// one-line fields never need them. Used to keep several typed fields in one draft.
std::string join_draft_fields(const std::vector<std::string>& fields);
std::vector<std::string> split_draft_fields(const std::string& text, std::size_t count);
// Joins the items of a list (picked evidence keys, look-for tags) into one field with the unit
// separator \x1f, and splits them again; empty items are dropped.
std::string join_draft_list(const std::vector<std::string>& items);
std::vector<std::string> split_draft_list(const std::string& field);

}  // namespace app
