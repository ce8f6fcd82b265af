// Test hooks (passed to emcc with --pre-js): a page opened with ?ui-map sets PEEROBS_UI_MAP, so
// the client publishes the widgets of each frame (label and centre, as on the desktop's Xvfb
// test) in Module.peerobsUiMap, where the browser tests find what to tap. Nothing else changes.
if (typeof window !== 'undefined' && !(Module['ENVIRONMENT_IS_PTHREAD']) && /[?&]ui-map\b/.test(location.search)) {
  Module['preRun'] = [].concat(Module['preRun'] || []);
  Module['preRun'].push(function () { ENV['PEEROBS_UI_MAP'] = '/tmp/peerobs-ui-map.tsv'; });
}
