// Characters in use, fed to the font atlas. See glyph_feed.h.
#include "app/shell/glyph_feed.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <sstream>

#include "core/serialization.h"

namespace app {

void GlyphFeed::scan_store(const core::Store& store) {
  // seq is the local arrival order: later versions (saved here or pulled) have larger ones.
  store.versions().for_each_body_after(scanned_seq_,
                                       [&](std::int64_t seq, core::RecordType type, const std::string& body) {
                                         scanned_seq_ = seq;
                                         bool has_high_byte = false;
                                         for (char c : body)
                                           has_high_byte = has_high_byte || static_cast<unsigned char>(c) >= 0x80;
                                         if (!has_high_byte) return;  // pure ASCII: nothing the atlas lacks
                                         try {
                                           std::ostringstream json;
                                           {
                                             cereal::JSONOutputArchive ar(json);
                                             core::save_body_json(ar, core::decode_body(type, body));
                                           }
                                           coverage_.note(json.str());
                                         } catch (const std::exception&) {
                                           // A record type this build does not know: it is not shown either.
                                         }
                                       });
  for (const auto& text : store.drafts().texts()) coverage_.note(text);
}

void GlyphFeed::note_input_queue() {
  for (ImWchar c : ImGui::GetIO().InputQueueCharacters) coverage_.note(static_cast<std::uint32_t>(c));
}

void GlyphFeed::note_active_field() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.ActiveId == 0 || g.InputTextState.ID != g.ActiveId) return;
  const ImGuiInputTextState& s = g.InputTextState;
  for (int i = 0; i < s.CurLenW && i < s.TextW.Size; ++i) coverage_.note(static_cast<std::uint32_t>(s.TextW[i]));
}

}  // namespace app
