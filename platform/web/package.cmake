# The browser client's folder, ${CMAKE_BINARY_DIR}/web, which `peerobs-hub serve --web` serves:
# peerobs.js/.wasm/.worker.js (emcc), peerobs.data (fonts, templates and lexicon, preloaded to
# /assets), the page (index.html, boot.js), the install manifest and icons, and sw.js, whose
# cache name carries a hash of everything above, so each build replaces the offline copy whole.
# FILE.gz beside the app's files is what the hub sends to browsers that accept gzip: it compresses
# no wasm or .data itself, and text with brotli on every request (~0.3 s for peerobs.js on a busy
# 2-core hub, on the first load's critical path). gzip -k gives each .gz its original's time, which
# the hub checks, so a .gz left from an earlier build is never sent. sw.js (4 KB, stamped below,
# fetched off the critical path) and the icons (PNG) have none.
set(PEEROBS_WEB_OUT ${CMAKE_BINARY_DIR}/web)
set(_web ${CMAKE_SOURCE_DIR}/platform/web)
set_target_properties(peerobs PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PEEROBS_WEB_OUT} SUFFIX ".js")
target_link_options(peerobs PRIVATE
  "SHELL:--preload-file ${PEEROBS_ASSET_DIR}@/assets"
  "SHELL:-sEXPORTED_FUNCTIONS=_main,_malloc,_free"
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sDYNAMIC_EXECUTION=0           # no eval / new Function: the hub's CSP forbids them
  -sTOTAL_STACK=1048576)
set_property(TARGET peerobs APPEND PROPERTY LINK_DEPENDS ${_web}/library_peerobs.js ${_web}/storage_pre.js)

set(_shell_files index.html boot.js manifest.webmanifest)
set(_icon_files icon-192.png icon-512.png icon-maskable-512.png apple-touch-icon-180.png)
set(_copy_commands)
foreach(f ${_shell_files})
  list(APPEND _copy_commands COMMAND ${CMAKE_COMMAND} -E copy_if_different ${_web}/${f} ${PEEROBS_WEB_OUT}/${f})
endforeach()
foreach(f ${_icon_files})
  list(APPEND _copy_commands COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CMAKE_SOURCE_DIR}/assets/web/${f}
       ${PEEROBS_WEB_OUT}/${f})
endforeach()
# Script fonts (Arabic, Hebrew, Devanagari, Thai, CJK...) are not in peerobs.data: the client
# fetches one from fonts/ when its script first appears (platform/web/font_files_web.cpp) and
# sw.js keeps it for offline use. They are Debian's files, copied at build time; keep this list
# in step with app/ui/script_fonts.cpp (tests/app/test_script_fonts.cpp checks the names exist).
set(_noto_ttf /usr/share/fonts/truetype/noto)
set(_script_fonts)
foreach(script Arabic Armenian Bengali Devanagari Ethiopic Georgian Gujarati Gurmukhi Hebrew Kannada Khmer Lao
        Malayalam Myanmar Oriya Sinhala Tamil Telugu Thai)
  foreach(weight Regular Bold)
    list(APPEND _script_fonts ${_noto_ttf}/NotoSans${script}-${weight}.ttf)
  endforeach()
endforeach()
list(APPEND _script_fonts /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc)
foreach(f ${_script_fonts})
  if(NOT EXISTS ${f})
    message(FATAL_ERROR "${f} is missing: scripts/install-deps.sh installs fonts-noto-core and fonts-noto-cjk")
  endif()
  get_filename_component(_name ${f} NAME)
  list(APPEND _copy_commands COMMAND ${CMAKE_COMMAND} -E copy_if_different ${f} ${PEEROBS_WEB_OUT}/fonts/${_name})
  list(APPEND _font_outputs ${PEEROBS_WEB_OUT}/fonts/${_name})
endforeach()
string(REPLACE ";" "," _font_list "${_font_outputs}")
find_program(PEEROBS_GZIP gzip REQUIRED)
set(_gzip_files)
foreach(f peerobs.wasm peerobs.data peerobs.js peerobs.worker.js ${_shell_files})
  list(APPEND _gzip_files ${PEEROBS_WEB_OUT}/${f})
endforeach()
add_custom_command(TARGET peerobs POST_BUILD ${_copy_commands}
  # -n: no name or time inside, so the same build gives the same bytes.
  COMMAND ${PEEROBS_GZIP} -9 -k -f -n ${_gzip_files}
  # Fonts: only when a copy changed (the CJK collection takes seconds to compress).
  COMMAND ${CMAKE_COMMAND} -DFILES=${_font_list} -DGZIP=${PEEROBS_GZIP} -P ${_web}/gzip_if_newer.cmake
  COMMAND ${CMAKE_COMMAND} -DOUT=${PEEROBS_WEB_OUT} -DTEMPLATE=${_web}/sw.js -P ${_web}/stamp_service_worker.cmake
  COMMENT "Web client folder: ${PEEROBS_WEB_OUT}")
