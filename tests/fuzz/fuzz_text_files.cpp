// The text files a school drops in: an observation template and the language guide's lexicon.
// The first byte picks which; a bad file is refused with its file, line and field, never a crash.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/language_guide.h"
#include "core/templates.h"
#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    if (data[0] % 2 == 0) {
      core::ObservationTemplate t;
      core::TemplateLoadError error;
      core::parse_template(text, "fuzz.json", t, error);
    } else {
      core::LanguageGuide guide = core::LanguageGuide::parse(text, "lexicon.json");
      guide.check("Great lesson, you should have waited longer. Students clearly understood.");
    }
  } catch (const std::exception&) {
  }
  return 0;
}

std::vector<std::string> fuzz_seeds() {
  std::vector<std::string> out;
  auto read = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  };
  for (const auto& e : std::filesystem::directory_iterator(core::builtin_template_dir()))
    if (e.path().extension() == ".json") out.push_back(std::string(1, '\0') + read(e.path().string()));
  out.push_back(std::string(1, '\1') + read(std::string(PEEROBS_ASSET_DIR) + "/language/lexicon.json"));
  return out;
}
