# Third-party libraries of the browser (emscripten) build, compiled from the Debian bookworm source
# packages that scripts/fetch-web-sources.sh unpacks into PEEROBS_WEB_SOURCES. Defines the targets the
# rest of the build already names natively (SQLite::SQLite3, PkgConfig::ZSTD, PkgConfig::SODIUM,
# PkgConfig::IMGUI, cereal::cereal, RapidJSON, kainjow::mustache); every object is built with -pthread (the web build uses
# WebAssembly threads: wasm-ld rejects an object without it once it uses TLS or memset/memcpy, "--shared-
# memory is disallowed by x.o because it was not compiled with 'atomics' or 'bulk-memory' features"),
# C++ with -fexceptions, warnings off, and -O2 in every build type (a Debug SQLite is unusably slow).
#
# [SECTION] Sources and tools
# [SECTION] Flags for peerobs's own objects (PEEROBS_WEB_COMPILE_OPTIONS, PEEROBS_WEB_LINK_OPTIONS)
# [SECTION] SQLite::SQLite3 (amalgamation generated from the Debian source tree at build time)
# [SECTION] PkgConfig::ZSTD
# [SECTION] PkgConfig::SODIUM
# [SECTION] PkgConfig::IMGUI (core, demo, GLFW + OpenGL3 backends for WebGL2)
# [SECTION] cereal::cereal and RapidJSON (header-only)
# [SECTION] kainjow::mustache (header-only)

if(NOT EMSCRIPTEN)
  message(FATAL_ERROR "platform/web/third_party.cmake is for the emscripten build only (emcmake cmake ...)")
endif()

#-----------------------------------------------------------------------------------------------------
# [SECTION] Sources and tools
#-----------------------------------------------------------------------------------------------------
set(PEEROBS_WEB_SOURCES "" CACHE PATH "Where scripts/fetch-web-sources.sh unpacked the Debian sources")
foreach(_dir imgui sqlite3 libzstd libsodium cereal rapidjson mustache)
  if(NOT PEEROBS_WEB_SOURCES OR NOT IS_DIRECTORY "${PEEROBS_WEB_SOURCES}/${_dir}")
    message(FATAL_ERROR "The web build compiles Debian's source packages, and '${PEEROBS_WEB_SOURCES}/${_dir}' "
                        "is missing. Run: scripts/fetch-web-sources.sh DIR, then configure with "
                        "-DPEEROBS_WEB_SOURCES=DIR")
  endif()
endforeach()
set(_web_src "${PEEROBS_WEB_SOURCES}")
set(_web_gen "${CMAKE_BINARY_DIR}/web_third_party")

# emcc costs about 1.2 s per file before clang starts: Debian's /usr/bin/emcc runs "python3" from PATH
# (here a pyenv shim, ~0.35 s) and emcc re-runs its sanity checks (node and clang --version, ~0.3 s)
# on every call because the frozen cache holds no sanity stamp. With 140 small files that doubled the
# build. The launcher pins Debian's python3 and skips the re-check (CMake's configure step already ran
# emcc with the checks). peerobs_web_use_global_flags() applies it to our own objects too.
set(PEEROBS_WEB_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env EMCC_SKIP_SANITY_CHECK=1)
if(NOT DEFINED ENV{EMSDK_PYTHON} AND EXISTS /usr/bin/python3)
  list(APPEND PEEROBS_WEB_COMPILER_LAUNCHER EMSDK_PYTHON=/usr/bin/python3)
endif()
# ccache, when installed, after the environment: a fresh clone (CI) compiles SQLite, libsodium,
# zstd and ImGui again otherwise, about 150 s of CPU per build.
find_program(PEEROBS_CCACHE ccache)
if(PEEROBS_CCACHE)
  list(APPEND PEEROBS_WEB_COMPILER_LAUNCHER ${PEEROBS_CCACHE})
endif()

# Flags of every third-party object. They come after CMAKE_<LANG>_FLAGS_<CONFIG>, so they win in every
# build type: -O2 (a -O0 SQLite is unusable), -g0 (DWARF made sqlite3.c compile 50% longer and its
# object 4x bigger; nobody steps into these libraries in a browser).
set(_web_tp_options -pthread -O2 -g0 -w $<$<COMPILE_LANGUAGE:CXX>:-fexceptions>)
function(_peerobs_web_third_party target)
  target_compile_options(${target} PRIVATE ${_web_tp_options})
  target_link_options(${target} INTERFACE -pthread)
  # UNITY_BUILD OFF: their files were never meant to be joined (scripts/web-build.sh joins ours).
  set_target_properties(${target} PROPERTIES C_COMPILER_LAUNCHER "${PEEROBS_WEB_COMPILER_LAUNCHER}"
                                             CXX_COMPILER_LAUNCHER "${PEEROBS_WEB_COMPILER_LAUNCHER}"
                                             UNITY_BUILD OFF)
endfunction()

#-----------------------------------------------------------------------------------------------------
# [SECTION] Flags for peerobs's own objects
#-----------------------------------------------------------------------------------------------------
# Every object of the program must use them: wasm threads need -pthread at compile time (atomics,
# bulk memory, TLS) and objects without it cannot be linked with those that have it.
set(PEEROBS_WEB_COMPILE_OPTIONS
    -pthread                                   # shared memory, atomics, thread-local storage
    $<$<COMPILE_LANGUAGE:CXX>:-fexceptions>    # our code throws (DbError, WireError); off by default in emcc
)
set(PEEROBS_WEB_LINK_OPTIONS
    -pthread                      # links the -mt libc/libc++ and emits the worker script (peerobs.worker.js)
    -fexceptions                  # links the exception-enabled libc++abi; without it a throw aborts
    -sPTHREAD_POOL_SIZE=4         # workers made before main(): pthread_create on the browser's main thread
                                  # cannot get a new worker until it returns to the event loop
    -sALLOW_MEMORY_GROWTH=1       # the store and ImGui's atlases grow; emcc warns that growth with
                                  # threads makes JS access to the heap slower (only JS glue, not wasm)
    -sINITIAL_MEMORY=67108864     # 64 MiB at start so growth is rare
    -sEXIT_RUNTIME=0              # main() returns into emscripten_set_main_loop; keep the runtime alive
    -sENVIRONMENT=web,worker      # browser only (pthreads need 'worker'); drops the Node.js glue
    -sFORCE_FILESYSTEM=1          # full FS API (mount, syncfs) even if C code uses little of it
    -lidbfs.js                    # IDBFS: the store persists to IndexedDB via FS.syncfs
)
# Convenience for the top-level CMakeLists: applies both lists to every target defined after the call
# in the calling directory and below (the third-party targets here carry their own).
macro(peerobs_web_use_global_flags)
  add_compile_options(${PEEROBS_WEB_COMPILE_OPTIONS})
  add_link_options(${PEEROBS_WEB_LINK_OPTIONS})
  if(NOT CMAKE_C_COMPILER_LAUNCHER AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_C_COMPILER_LAUNCHER ${PEEROBS_WEB_COMPILER_LAUNCHER})
    set(CMAKE_CXX_COMPILER_LAUNCHER ${PEEROBS_WEB_COMPILER_LAUNCHER})
  endif()
endmacro()

#-----------------------------------------------------------------------------------------------------
# [SECTION] SQLite::SQLite3
#-----------------------------------------------------------------------------------------------------
# Debian's sqlite3 source is SQLite's full tree, not the amalgamation. SQLite's own main.mk (the
# makefile its configure wraps; Makefile.linux-gcc shows its use without configure) builds sqlite3.c
# and sqlite3.h with the host compiler (lemon, mkkeywordhash) and tclsh. Its output is byte-for-byte
# what "configure && make sqlite3.c" gives, in about 11 s instead of about 60 s (configure's probing).
# Runs once: the outputs stay in the build tree until the source changes.
find_program(PEEROBS_TCLSH tclsh)
find_program(PEEROBS_HOST_CC NAMES cc gcc clang)
find_program(PEEROBS_GNU_MAKE NAMES gmake make)
if(NOT PEEROBS_TCLSH)
  message(FATAL_ERROR "Generating SQLite's amalgamation (sqlite3.c) needs tclsh: install Debian's 'tcl' package "
                      "(apt-get install tcl)")
endif()
if(NOT PEEROBS_HOST_CC OR NOT PEEROBS_GNU_MAKE)
  message(FATAL_ERROR "Generating SQLite's amalgamation needs a host C compiler and GNU make "
                      "(apt-get install gcc make)")
endif()
set(_sqlite_src "${_web_src}/sqlite3")
set(_sqlite_gen "${_web_gen}/sqlite3")
file(MAKE_DIRECTORY "${_sqlite_gen}")
# main.mk calls plain "tclsh", so its directory goes first on PATH. MAKEFLAGS is dropped: CMake 3.25
# cannot mark the rule as jobserver-aware (3.28's JOB_SERVER_AWARE), so the inner make would warn and
# run serially anyway; the steps are mostly serial Tcl.
get_filename_component(_tclsh_dir "${PEEROBS_TCLSH}" DIRECTORY)
add_custom_command(
  OUTPUT "${_sqlite_gen}/sqlite3.c" "${_sqlite_gen}/sqlite3.h"
  COMMAND ${CMAKE_COMMAND} -E env --unset=CFLAGS --unset=MAKEFLAGS --unset=MFLAGS "PATH=${_tclsh_dir}:$ENV{PATH}"
          "${PEEROBS_GNU_MAKE}" -s -f "${_sqlite_src}/main.mk" "TOP=${_sqlite_src}"
          "BCC=${PEEROBS_HOST_CC} -O1" "TCC=${PEEROBS_HOST_CC}" "AR=ar cr" "TCLSH_CMD=${PEEROBS_TCLSH}"
          sqlite3.c
  DEPENDS "${_sqlite_src}/VERSION" "${_sqlite_src}/manifest" "${_sqlite_src}/main.mk"
  WORKING_DIRECTORY "${_sqlite_gen}"
  COMMENT "Generating SQLite's amalgamation (sqlite3.c) from the Debian source tree"
  VERBATIM)

add_library(peerobs_web_sqlite3 STATIC "${_sqlite_gen}/sqlite3.c")
_peerobs_web_third_party(peerobs_web_sqlite3)
target_include_directories(peerobs_web_sqlite3 SYSTEM PUBLIC "${_sqlite_gen}")
target_compile_definitions(peerobs_web_sqlite3 PRIVATE
  SQLITE_THREADSAFE=1            # serialized mode available; our connections open with NOMUTEX
  SQLITE_OMIT_LOAD_EXTENSION     # no dlopen in the browser
  SQLITE_DEFAULT_MEMSTATUS=0     # no global malloc statistics (a mutex per allocation)
  SQLITE_DQS=0                   # double-quoted strings are identifiers only
  SQLITE_OMIT_WAL=1              # WAL needs shared memory (mmap of -shm) that MEMFS/IDBFS lack:
                                 # "PRAGMA journal_mode=WAL" answers "delete" (rollback journal) and
                                 # "PRAGMA wal_autocheckpoint" is ignored
  HAVE_USLEEP=1                  # otherwise the busy handler sleeps in whole seconds
  HAVE_LOCALTIME_R=1
  HAVE_STDINT_H=1
  HAVE_INTTYPES_H=1)
add_library(SQLite::SQLite3 ALIAS peerobs_web_sqlite3)

#-----------------------------------------------------------------------------------------------------
# [SECTION] PkgConfig::ZSTD
#-----------------------------------------------------------------------------------------------------
# The single-threaded library: what core uses (ZSTD_compressCCtx / ZSTD_decompressDCtx) needs no worker
# threads; no x86-64 assembly (huf_decompress_amd64.S) in WebAssembly.
set(_zstd_lib "${_web_src}/libzstd/lib")
file(GLOB _zstd_sources "${_zstd_lib}/common/*.c" "${_zstd_lib}/compress/*.c" "${_zstd_lib}/decompress/*.c")
add_library(peerobs_web_zstd STATIC ${_zstd_sources})
_peerobs_web_third_party(peerobs_web_zstd)
target_include_directories(peerobs_web_zstd SYSTEM PUBLIC "${_zstd_lib}")
target_compile_definitions(peerobs_web_zstd PRIVATE ZSTD_DISABLE_ASM ZSTD_LEGACY_SUPPORT=0 XXH_NAMESPACE=ZSTD_)
add_library(PkgConfig::ZSTD ALIAS peerobs_web_zstd)

#-----------------------------------------------------------------------------------------------------
# [SECTION] PkgConfig::SODIUM
#-----------------------------------------------------------------------------------------------------
# All of libsodium's C files (the SIMD/assembly variants compile to nothing without their HAVE_*
# macros). Instead of running its configure, version.h comes from version.h.in with the numbers read
# from configure.ac, and the definitions below are what configure finds for emscripten (it skips
# the getrandom/mmap checks there and has no 128-bit "TI mode").
# Randomness: on __EMSCRIPTEN__ randombytes_buf() ignores the C implementations and calls
# Module.getRandomValue() through EM_ASM, which only randombytes_stir() (run by sodium_init())
# defines -- per JS realm, i.e. on the thread that called sodium_init(). A pthread (a Web Worker with
# its own Module) would throw "Module.getRandomValue is not a function". The pre-js below defines it
# from crypto.getRandomValues in every realm that loads the program, main thread and workers alike.
set(_sodium_root "${_web_src}/libsodium")
set(_sodium_inc "${_sodium_root}/src/libsodium/include")
file(STRINGS "${_sodium_root}/configure.ac" _sodium_init REGEX "^AC_INIT\\(\\[libsodium\\],\\[[0-9.]+\\]")
file(STRINGS "${_sodium_root}/configure.ac" _sodium_major REGEX "^SODIUM_LIBRARY_VERSION_MAJOR=[0-9]+")
file(STRINGS "${_sodium_root}/configure.ac" _sodium_minor REGEX "^SODIUM_LIBRARY_VERSION_MINOR=[0-9]+")
string(REGEX REPLACE ".*\\[([0-9.]+)\\].*" "\\1" VERSION "${_sodium_init}")
string(REGEX REPLACE ".*=" "" SODIUM_LIBRARY_VERSION_MAJOR "${_sodium_major}")
string(REGEX REPLACE ".*=" "" SODIUM_LIBRARY_VERSION_MINOR "${_sodium_minor}")
if(NOT VERSION OR NOT SODIUM_LIBRARY_VERSION_MAJOR OR NOT SODIUM_LIBRARY_VERSION_MINOR)
  message(FATAL_ERROR "Could not read libsodium's version from ${_sodium_root}/configure.ac")
endif()
set(SODIUM_LIBRARY_MINIMAL_DEF "")   # Debian builds the full library, not --enable-minimal
configure_file("${_sodium_inc}/sodium/version.h.in" "${_web_gen}/sodium/include/sodium/version.h" @ONLY)
# version.h includes "export.h" from its own directory.
configure_file("${_sodium_inc}/sodium/export.h" "${_web_gen}/sodium/include/sodium/export.h" COPYONLY)
unset(VERSION)

file(GLOB_RECURSE _sodium_sources "${_sodium_root}/src/libsodium/*.c")
add_library(peerobs_web_sodium STATIC ${_sodium_sources})
_peerobs_web_third_party(peerobs_web_sodium)
target_include_directories(peerobs_web_sodium SYSTEM PUBLIC "${_web_gen}/sodium/include" "${_sodium_inc}")
target_include_directories(peerobs_web_sodium PRIVATE "${_web_gen}/sodium/include/sodium" "${_sodium_inc}/sodium")
target_compile_definitions(peerobs_web_sodium PUBLIC SODIUM_STATIC=1)
target_compile_definitions(peerobs_web_sodium PRIVATE
  CONFIGURED=1 NATIVE_LITTLE_ENDIAN=1 HAVE_PTHREAD=1 HAVE_ATOMIC_OPS=1 HAVE_WEAK_SYMBOLS=1
  HAVE_C_VARARRAYS=1 HAVE_ALLOCA_H=1 HAVE_POSIX_MEMALIGN=1 HAVE_GETPID=1 HAVE_NANOSLEEP=1
  HAVE_EXPLICIT_BZERO=1)
file(WRITE "${_web_gen}/sodium/random_pre.js" [=[
// libsodium's randombytes on emscripten reads Module.getRandomValue (see third_party.cmake); define it
// here so that it exists in pthread workers too, not only where sodium_init() ran.
Module['getRandomValue'] = Module['getRandomValue'] || function() {
  var buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0] >>> 0;
};
]=])
target_link_options(peerobs_web_sodium INTERFACE "SHELL:--pre-js ${_web_gen}/sodium/random_pre.js")
add_library(PkgConfig::SODIUM ALIAS peerobs_web_sodium)

#-----------------------------------------------------------------------------------------------------
# [SECTION] PkgConfig::IMGUI
#-----------------------------------------------------------------------------------------------------
# Layout as Debian's libimgui-dev (pkg-config --cflags imgui gives -I/usr/include/imgui): <imgui.h> and
# "backends/imgui_impl_*.h" from one include directory, the source root. The web build uses the GLFW
# backend on emscripten's built-in JS GLFW (no port download) and the OpenGL3 backend in its ES3 mode
# (WebGL2, "#version 300 es"); 1.86 would otherwise pick ES2 on emscripten. The stb headers are the
# copies in the imgui source (Debian's binary uses libstb-dev's instead; same code for our use).
set(_imgui "${_web_src}/imgui")
add_library(peerobs_web_imgui STATIC
  "${_imgui}/imgui.cpp" "${_imgui}/imgui_draw.cpp" "${_imgui}/imgui_tables.cpp" "${_imgui}/imgui_widgets.cpp"
  "${_imgui}/imgui_demo.cpp"
  "${_imgui}/misc/cpp/imgui_stdlib.cpp"  # InputText on std::string (the app's text fields)
  "${_imgui}/backends/imgui_impl_glfw.cpp" "${_imgui}/backends/imgui_impl_opengl3.cpp")
_peerobs_web_third_party(peerobs_web_imgui)
target_include_directories(peerobs_web_imgui SYSTEM PUBLIC "${_imgui}" "${_imgui}/misc/cpp")
target_compile_definitions(peerobs_web_imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
target_link_options(peerobs_web_imgui INTERFACE
  -sUSE_GLFW=3            # emscripten's JS implementation of GLFW 3 (library_glfw.js, not a port)
  -sUSE_WEBGL2=1
  -sFULL_ES3=1            # client-side arrays and glMapBufferRange emulation for the ES3 API
  -sMAX_WEBGL_VERSION=2
  -sMIN_WEBGL_VERSION=2)  # no WebGL1 fallback: the shaders are "#version 300 es"
add_library(PkgConfig::IMGUI ALIAS peerobs_web_imgui)

#-----------------------------------------------------------------------------------------------------
# [SECTION] cereal::cereal and RapidJSON
#-----------------------------------------------------------------------------------------------------
# core includes <rapidjson/document.h> itself, and Debian's cereal (patch in its packaging) makes
# <cereal/archives/json.hpp> use the system RapidJSON instead of the copy upstream bundles (which the
# +dfsg tarball removes); cereal::cereal therefore carries RapidJSON.
add_library(peerobs_web_rapidjson INTERFACE)
target_include_directories(peerobs_web_rapidjson SYSTEM INTERFACE "${_web_src}/rapidjson/include")
add_library(RapidJSON ALIAS peerobs_web_rapidjson)
add_library(RapidJSON::RapidJSON ALIAS peerobs_web_rapidjson)

# When the mirror lacks libcereal's Debian packaging tarball, fetch-web-sources.sh unpacks only the
# upstream tarball, whose json.hpp still includes "cereal/external/rapidjson/...". Debian's patch for
# that file is a pure rename (CEREAL_RAPIDJSON_ -> RAPIDJSON_, cereal/external/rapidjson/ -> rapidjson/);
# it is applied here to a copy that shadows the original, giving the same header as libcereal-dev.
set(_cereal_inc "${_web_src}/cereal/include")
set(_cereal_dirs)
file(READ "${_cereal_inc}/cereal/archives/json.hpp" _json_hpp)
if(_json_hpp MATCHES "cereal/external/rapidjson/")
  string(REPLACE "cereal/external/rapidjson/" "rapidjson/" _json_hpp "${_json_hpp}")
  string(REPLACE "CEREAL_RAPIDJSON_" "RAPIDJSON_" _json_hpp "${_json_hpp}")
  file(MAKE_DIRECTORY "${_web_gen}/cereal/include/cereal/archives")
  file(WRITE "${_web_gen}/cereal/json.hpp.new" "${_json_hpp}")
  file(COPY_FILE "${_web_gen}/cereal/json.hpp.new" "${_web_gen}/cereal/include/cereal/archives/json.hpp"
       ONLY_IF_DIFFERENT)
  list(APPEND _cereal_dirs "${_web_gen}/cereal/include")
endif()
list(APPEND _cereal_dirs "${_cereal_inc}")
add_library(peerobs_web_cereal INTERFACE)
target_include_directories(peerobs_web_cereal SYSTEM INTERFACE ${_cereal_dirs})
target_link_libraries(peerobs_web_cereal INTERFACE peerobs_web_rapidjson)
add_library(cereal::cereal ALIAS peerobs_web_cereal)
unset(_json_hpp)

#-----------------------------------------------------------------------------------------------------
# [SECTION] kainjow::mustache
#-----------------------------------------------------------------------------------------------------
# The reports' HTML (core/report/render_html.cpp) is rendered with kainjow's mustache. Upstream keeps
# the single header at the top of its tree; libkainjow-mustache-dev installs the same file as
# <kainjow/mustache.hpp>. The header is copied (when it changed) into that layout in the build tree,
# so core includes it the same way on both platforms. Debian's packaging does not patch the header
# (4.1+ds-2: identical to upstream's), so the upstream tarball alone gives the same file.
set(_mustache_hpp "${_web_src}/mustache/mustache.hpp")
if(NOT EXISTS "${_mustache_hpp}")
  message(FATAL_ERROR "'${_mustache_hpp}' is missing from the libkainjow-mustache source package. Re-extract it: "
                      "rm -rf ${_web_src}/mustache ${_web_src}/.stamps/mustache; scripts/fetch-web-sources.sh ${_web_src}")
endif()
file(MAKE_DIRECTORY "${_web_gen}/mustache/include/kainjow")
file(COPY_FILE "${_mustache_hpp}" "${_web_gen}/mustache/include/kainjow/mustache.hpp" ONLY_IF_DIFFERENT)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_mustache_hpp}")
add_library(peerobs_web_mustache INTERFACE)
target_include_directories(peerobs_web_mustache SYSTEM INTERFACE "${_web_gen}/mustache/include")
add_library(kainjow::mustache ALIAS peerobs_web_mustache)
