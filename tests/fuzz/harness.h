// A fuzz harness: LLVMFuzzerTestOneInput reads untrusted bytes the way peerobs does (a decoder
// must refuse them with its own error type, never crash, hang or allocate without bound), and
// fuzz_seeds() gives real inputs to start from (built by the same code that makes them in use).
// Each harness links either with libFuzzer (scripts/fuzz.sh: clang, the long runs) or with
// replay_main.cpp (every build of the test command: the seeds, the corpus files kept from earlier
// findings, and a few seconds of simple mutations).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
std::vector<std::string> fuzz_seeds();
