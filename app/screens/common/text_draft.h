// TextDraft: text typed on an after-the-lesson screen (a prompt, an answer, a debrief note, a
// coaching note) that is not saved as a record yet, kept in the store's drafts table.
// Guarantees: a change is written within a second (once typing pauses 300 ms, at the latest
// 800 ms after the first unsaved change, the same rhythm as the Observe composer), and a forced
// autosave (leaving the screen, the app going to the background) writes it at once.
// Shared by Prompt, Reflect, Debrief and Coaching notes; it lives with Prompt, the first of them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/store.h"

namespace app {

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
  // After the text was saved as a record (in the same transaction as Store::clear_draft).
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

}  // namespace app
