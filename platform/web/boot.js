// Starts peerobs in the browser: checks that this browser and this address can run it, defines `Module`, and only
// then adds peerobs.js, so an old browser or a page not served by the hub shows a sentence instead of a blank or
// broken canvas. Guarantees: the message box (#status) stays up until the app hides it after its first frame, and
// any failure before that replaces its text with what went wrong and what to do. Written in ES5 on purpose: it must
// run (and explain) in the old browsers it turns away.
(function () {
  'use strict';

  var status_box = document.getElementById('status');
  var canvas = document.getElementById('canvas');
  var started = false;       // true once the app hid the message box (its first frame is drawn)
  var showing_problem = false; // a problem or notice is on screen: loading progress must not overwrite it

  // [SECTION] Message box -------------------------------------------------------------------------------------
  function show_message(text) {
    showing_problem = true;
    status_box.textContent = String(text);
    status_box.hidden = false;
  }
  function hide_message() {
    status_box.hidden = true;
  }
  window.peerobsShowMessage = show_message;
  window.peerobsHideMessage = hide_message;

  // The lead's code hides the box directly (`status.hidden = true`) after the first frame; watch the attribute
  // rather than asking for a call, so either way counts as "started".
  if (typeof MutationObserver === 'function') {
    new MutationObserver(function () {
      if (status_box.hidden) started = true;
    }).observe(status_box, { attributes: true, attributeFilter: ['hidden'] });
  }

  var kBrowsers = 'Use a current Safari, Chrome, Edge or Firefox (iPadOS 15.2 or later, Android 10 or later, ChromeOS).';
  var kKept = 'Reload the page; what you saved is kept on this device.';

  // [SECTION] Can this browser, at this address, run peerobs? -------------------------------------------------
  // The order matters: a page on plain http is never cross-origin isolated either, so the https sentence
  // (the real cause) must come before the hub sentence.
  function problem_before_start() {
    if (typeof WebAssembly !== 'object') {
      return 'This browser cannot run peerobs: it has no WebAssembly. ' + kBrowsers;
    }
    if (window.isSecureContext === false) {
      return 'peerobs needs a secure address. Open it with https:// from your school\'s peerobs hub ' +
             '(or as http://127.0.0.1 on the computer that runs the hub). This page was opened as ' +
             location.origin + ', where the browser does not let the app run or keep your notes offline.';
    }
    if (typeof self.crossOriginIsolated === 'undefined') {
      // Browsers from before cross-origin isolation (Safari before 15.2) cannot share memory with threads.
      return 'This browser is too old to run peerobs: it cannot share memory between threads. ' + kBrowsers;
    }
    if (!self.crossOriginIsolated || typeof SharedArrayBuffer === 'undefined') {
      return 'Open peerobs from your school\'s peerobs hub address (for example https://hub.school.example/). ' +
             'This copy of the page was not served by the hub, so the browser keeps the app from running.';
    }
    return '';
  }

  var problem = problem_before_start();
  if (problem) {
    show_message(problem);
    return;  // peerobs.js is never added
  }

  // [SECTION] Failures before the first frame -----------------------------------------------------------------
  // Never leave a blank canvas: an error before the app drew anything becomes a sentence. After the first frame
  // the app reports its own problems (and Module.onAbort still shows a fatal one).
  function describe(what) {
    if (what === undefined || what === null || what === '') return 'an unknown error';
    if (what && typeof what === 'object' && what.message) return String(what.message);
    return String(what);
  }
  window.addEventListener('error', function (event) {
    if (started) return;
    show_message('peerobs could not start: ' + describe(event.error || event.message) + '. ' + kKept);
  });
  window.addEventListener('unhandledrejection', function (event) {
    if (started) return;
    show_message('peerobs could not start: ' + describe(event.reason) + '. ' + kKept);
  });

  // The app draws on touch; a long press must not open a menu over the canvas.
  canvas.addEventListener('contextmenu', function (event) { event.preventDefault(); });

  // [SECTION] Module: read by peerobs.js when it runs ---------------------------------------------------------
  var script_url = new URL('peerobs.js', document.baseURI).href;
  window.Module = {
    canvas: canvas,
    // pthread workers load the main script by URL; give it explicitly since peerobs.js is added by this file.
    mainScriptUrlOrBlob: script_url,
    peerobsStorageUnavailable: false,  // true: IndexedDB is missing or refuses to open (private browsing)
    print: function (text) { console.log(text); },
    printErr: function (text) { console.error(text); },
    onAbort: function (what) {
      show_message('peerobs stopped: ' + describe(what) + '. ' + kKept);
    },
    setStatus: function (text) {
      // Emscripten reports "Downloading data... (done/total)" and finally ''. Show progress as a percentage
      // while loading; never replace a problem, and never bring the box back after the first frame.
      if (!text) return;
      console.log('[peerobs] ' + text);
      if (started || showing_problem) return;
      var m = /\((\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)\)/.exec(text);
      if (m && Number(m[2]) > 0) {
        status_box.textContent = 'Opening peerobs… ' + Math.floor(100 * Number(m[1]) / Number(m[2])) + '%';
      }
    }
  };

  // [SECTION] Service worker: opens the app with no network ---------------------------------------------------
  function register_service_worker() {
    if (!('serviceWorker' in navigator)) return;
    // Relative URLs: scope is the folder of this page, which is "/" when the hub serves the app at its root.
    // updateViaCache 'none': a new build's sw.js is seen at once, not after the HTTP cache expires.
    navigator.serviceWorker.register('sw.js', { scope: './', updateViaCache: 'none' }).then(function (reg) {
      if (reg) console.log('[peerobs] service worker registered, scope ' + reg.scope);
    }, function (err) {
      console.warn('[peerobs] service worker not registered (the app still runs, but needs the network to open): ' +
                   describe(err));
    });
  }

  // [SECTION] Start -------------------------------------------------------------------------------------------
  // No storage probe first: it held peerobs.js back 0.5-1.2 s in a fresh profile (bench/web). The app's own
  // storage code (storage_pre.js) opens IndexedDB before main() and, where it cannot, the app shows a banner
  // saying that nothing is being kept.
  function add_app_script() {
    var script = document.createElement('script');
    script.src = script_url;
    script.onerror = function () {
      show_message('peerobs could not be loaded from the hub. Check the connection to the hub and reload the page.');
    };
    document.body.appendChild(script);
  }

  register_service_worker();
  add_app_script();
})();
