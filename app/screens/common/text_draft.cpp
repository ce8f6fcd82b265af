// TextDraft and the draft field helpers. See text_draft.h.
#include "app/screens/common/text_draft.h"

#include <algorithm>
#include <vector>

namespace app {

void TextDraft::open(const core::Store& store, std::string key) {
  key_ = std::move(key);
  text_ = store.drafts().get(key_).value_or(std::string());
  dirty_ = false;
}

void TextDraft::edit(const std::string& text, std::int64_t now_ms) {
  if (text == text_) return;
  text_ = text;
  if (!dirty_) first_change_ = now_ms;
  last_change_ = now_ms;
  dirty_ = true;
}

bool TextDraft::autosave(core::Store& store, std::int64_t now_ms, bool force, std::string& error) {
  if (!dirty_ || key_.empty()) return true;
  if (!force && now_ms - last_change_ < kDraftQuietMs && now_ms - first_change_ < kDraftLatestMs) return true;
  try {
    if (text_.empty())
      store.drafts().clear(key_);
    else
      store.drafts().save(key_, text_);
    dirty_ = false;
    return true;
  } catch (const core::DiskFull&) {
    error =
        "The device's storage is full: what you typed is still on the screen but not yet kept on the device. "
        "Free some space on the device (photos, videos or apps you no longer need); it is kept as soon as there is "
        "room.";
    return false;
  } catch (const std::exception& e) {
    error = std::string("Could not keep what you typed as a draft: ") + e.what();
    return false;
  }
}

void TextDraft::forget() {
  text_.clear();
  dirty_ = false;
}

std::string join_draft_fields(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += '\t';
    std::string f = fields[i];
    std::replace(f.begin(), f.end(), '\t', ' ');
    out += f;
  }
  return out;
}

std::vector<std::string> split_draft_fields(const std::string& text, std::size_t count) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (out.size() + 1 < count) {
    std::size_t tab = text.find('\t', pos);
    if (tab == std::string::npos) break;
    out.push_back(text.substr(pos, tab - pos));
    pos = tab + 1;
  }
  out.push_back(pos <= text.size() ? text.substr(pos) : std::string());
  out.resize(count);
  return out;
}

std::string join_draft_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items)
    if (!item.empty()) out += (out.empty() ? "" : "\x1f") + item;
  return out;
}

std::vector<std::string> split_draft_list(const std::string& field) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b < field.size()) {
    std::size_t e = field.find('\x1f', b);
    if (e == std::string::npos) e = field.size();
    if (e > b) out.push_back(field.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

}  // namespace app
