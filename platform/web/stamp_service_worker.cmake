# Writes OUT/sw.js from TEMPLATE with @PEEROBS_BUILD_ID@ = a hash of the files the worker caches,
# so a changed build installs a new worker (and a new, complete offline copy) and an unchanged
# one does not.
set(_all "")
foreach(f index.html boot.js peerobs.js peerobs.wasm peerobs.worker.js peerobs.data manifest.webmanifest)
  if(NOT EXISTS ${OUT}/${f})
    message(FATAL_ERROR "${OUT}/${f} is missing: the service worker would cache an incomplete app")
  endif()
  file(SHA256 ${OUT}/${f} _h)
  string(APPEND _all "${_h}")
endforeach()
string(SHA256 _id "${_all}")
string(SUBSTRING "${_id}" 0 16 PEEROBS_BUILD_ID)
configure_file(${TEMPLATE} ${OUT}/sw.js @ONLY)
