// A roster CSV given to `peerobs-hub import-roster` (server/roster_csv.h): rows read, or a
// refusal naming the line, never a crash. A row read must hold what the roster promises (a
// name of 1 to 200 bytes, an email empty or with an @), or the harness aborts as a crash would.
#include <cstdlib>
#include <stdexcept>

#include "harness.h"
#include "server/roster_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    for (const auto& row : server::parse_roster_csv(text))
      if (row.name.empty() || row.name.size() > 200 || (!row.email.empty() && row.email.find('@') == std::string::npos))
        std::abort();
  } catch (const std::runtime_error&) {
  }
  return 0;
}

std::vector<std::string> fuzz_seeds() {
  return {"name,email\nAmira Haddad,amira@northfield.example\nDara Quinn,\n",
          "\"Haddad, Amira\",amira@northfield.example\r\n\r\n\"Quinn \"\"DQ\"\" Dara\",dq@example.org\r\n",
          "Zoë Ünal,zoe@example.org\n"};
}
