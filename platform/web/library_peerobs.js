// The page side of the browser platform (passed to emcc with --js-library): DOM input into the
// module's queue, the hidden text field that brings up the on-screen keyboard, the canvas size,
// and copying the store to IndexedDB after each change (storage_pre.js loads it at start).
// Everything here runs on the page's main thread; C++ reaches it through window_web.cpp and
// host_web.cpp. Event kinds and key numbers must match window_web.cpp.
mergeInto(LibraryManager.library, {
  $PEEROBS__postset: 'PEEROBS.init();',
  $PEEROBS: {
    textarea: null,
    composing: false,
    mirror: '',          // what the hidden field held after the last input event
    wantText: false,     // ImGui has a text field active
    dismissed: false,    // the person closed the keyboard while a field stayed active
    init: function () {},
    // Keys ImGui acts on itself (window_web.cpp's WebKey); anything else types text.
    keys: {
      'Tab': 1, 'ArrowLeft': 2, 'ArrowRight': 3, 'ArrowUp': 4, 'ArrowDown': 5, 'PageUp': 6, 'PageDown': 7,
      'Home': 8, 'End': 9, 'Insert': 10, 'Delete': 11, 'Backspace': 12, 'Enter': 14, 'Escape': 15,
      'a': 16, 'c': 17, 'v': 18, 'x': 19, 'y': 20, 'z': 21
    },
    mods: function (e) {
      return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
    },
    sendText: function (s) {
      if (!s) return;
      var len = lengthBytesUTF8(s) + 1;
      var p = _malloc(len);
      stringToUTF8(s, p, len);
      _peerobs_web_text(p);
      _free(p);
    },
    codepoints: function (s) { return Array.from(s).length; },
    // The hidden field changed (typing, autocorrect, an IME's result, paste): the change since the
    // last one becomes Backspaces and text at the caret, so a replaced word replaces, not repeats.
    applyChange: function () {
      var now = PEEROBS.textarea.value;
      var old = PEEROBS.mirror;
      var p = 0;
      while (p < old.length && p < now.length && old[p] === now[p]) p++;
      var q = 0;
      while (q < old.length - p && q < now.length - p && old[old.length - 1 - q] === now[now.length - 1 - q]) q++;
      var removed = old.substring(p, old.length - q);
      var added = now.substring(p, now.length - q);
      for (var i = PEEROBS.codepoints(removed); i > 0; i--) _peerobs_web_key(1, 12, 0), _peerobs_web_key(0, 12, 0);
      PEEROBS.sendText(added.replace(/\r?\n/g, ''));
      if (/\n/.test(added)) _peerobs_web_key(1, 14, 0), _peerobs_web_key(0, 14, 0);
      PEEROBS.mirror = now;
      if (/\n/.test(added)) PEEROBS.resetText();
    },
    resetText: function () {
      if (PEEROBS.composing) return;
      PEEROBS.textarea.value = '';
      PEEROBS.mirror = '';
    },
    // A pointer event in CSS pixels becomes framebuffer pixels, the unit ImGui draws in.
    pointer: function (kind, e, canvas) {
      var r = canvas.getBoundingClientRect();
      var dpr = window.devicePixelRatio || 1;
      var type = e.pointerType === 'mouse' ? 0 : 1;  // pen and touch both behave as a finger
      _peerobs_web_pointer(kind, type, e.pointerId, (e.clientX - r.left) * dpr, (e.clientY - r.top) * dpr, e.button);
    }
  },

  peerobs_web_install__deps: ['$PEEROBS', 'malloc', 'free'],
  peerobs_web_install: function () {
    var canvas = Module['canvas'] || document.getElementById('canvas');
    var ta = document.getElementById('text-input');
    if (!ta) {  // the page is ours, but a missing field must not stop the app
      ta = document.createElement('textarea');
      ta.id = 'text-input';
      ta.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;font-size:16px;border:0;padding:0';
      document.body.appendChild(ta);
    }
    PEEROBS.textarea = ta;

    canvas.addEventListener('pointerdown', function (e) {
      e.preventDefault();
      if (canvas.setPointerCapture) try { canvas.setPointerCapture(e.pointerId); } catch (err) {}
      PEEROBS.pointer(0, e, canvas);
    });
    canvas.addEventListener('pointermove', function (e) { PEEROBS.pointer(1, e, canvas); });
    var up = function (e) {
      PEEROBS.pointer(2, e, canvas);
      // Draw at once, inside the gesture: if the tap activated a text field, focusing the hidden
      // field now is what lets iPadOS and Android open the on-screen keyboard.
      PEEROBS.dismissed = false;
      if (e.pointerType !== 'mouse') _peerobs_web_gesture();
      else if (PEEROBS.wantText) ta.focus({preventScroll: true});
    };
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', function (e) { PEEROBS.pointer(2, e, canvas); });
    canvas.addEventListener('pointerleave', function (e) { if (e.pointerType === 'mouse') PEEROBS.pointer(3, e, canvas); });
    canvas.addEventListener('wheel', function (e) {
      e.preventDefault();
      var unit = e.deltaMode === 1 ? 1 : e.deltaMode === 2 ? 10 : 1 / 100;
      _peerobs_web_wheel(-e.deltaX * unit, -e.deltaY * unit);
    }, {passive: false});
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });

    // Keys: into the hidden field while it has focus, else from the page (a hardware keyboard).
    var keydown = function (e) {
      var k = PEEROBS.keys[e.key.length === 1 ? e.key.toLowerCase() : e.key];
      var shortcut = (e.ctrlKey || e.metaKey) && k >= 16;
      if (k && (k < 16 || shortcut) && !e.isComposing && e.keyCode !== 229) {
        if (k === 18 && shortcut) return;  // Ctrl+V: let the browser paste into the field (an input event)
        e.preventDefault();
        _peerobs_web_key(1, k, PEEROBS.mods(e));
        if (k === 14 || k === 2 || k === 3 || k === 4 || k === 5 || k === 1) PEEROBS.resetText();
      } else if (e.target !== ta && e.key.length === 1 && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        PEEROBS.sendText(e.key);
      }
    };
    var keyup = function (e) {
      var k = PEEROBS.keys[e.key.length === 1 ? e.key.toLowerCase() : e.key];
      if (k) _peerobs_web_key(0, k, PEEROBS.mods(e));
    };
    window.addEventListener('keydown', function (e) { if (e.target !== ta) keydown(e); });
    window.addEventListener('keyup', function (e) { if (e.target !== ta) keyup(e); });
    ta.addEventListener('keydown', keydown);
    ta.addEventListener('keyup', keyup);
    ta.addEventListener('compositionstart', function () { PEEROBS.composing = true; });
    ta.addEventListener('compositionend', function () { PEEROBS.composing = false; PEEROBS.applyChange(); });
    ta.addEventListener('input', function (e) {
      if (PEEROBS.composing || e.isComposing) return;  // the IME's result arrives with compositionend
      PEEROBS.applyChange();
    });
    ta.addEventListener('blur', function () {
      // The person closed the keyboard (iPad's hide-keyboard key). The field stays active with
      // what was typed (an Escape would revert it); the keyboard comes back on the next tap.
      if (PEEROBS.wantText) PEEROBS.dismissed = true;
    });

    // The page may be closed or frozen at any moment after it is hidden: commit drafts now.
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') _peerobs_web_lifecycle();
    });
    window.addEventListener('pagehide', function () { _peerobs_web_lifecycle(); });
    window.addEventListener('resize', function () { _peerobs_web_resized(); });
    // Back online: sync now instead of waiting out the retry backoff (up to minutes).
    window.addEventListener('online', function () { _peerobs_web_online(); });
  },

  // Sizes the canvas's pixels to its CSS box times devicePixelRatio (crisp on 2x/3x screens).
  peerobs_web_canvas_size: function (w, h, dpr) {
    var canvas = Module['canvas'] || document.getElementById('canvas');
    var ratio = window.devicePixelRatio || 1;
    var cw = Math.max(1, Math.round(canvas.clientWidth * ratio));
    var ch = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width !== cw) canvas.width = cw;
    if (canvas.height !== ch) canvas.height = ch;
    HEAP32[w >> 2] = cw;
    HEAP32[h >> 2] = ch;
    HEAPF32[dpr >> 2] = ratio;
  },

  // ImGui's text field became active (on = 1) or let go (0). x, y, height: the caret, in pixels.
  // exact = 1: the field holds a code, a phrase, an address or a date (platform/text_input_kind.h),
  // which the keyboard must neither correct nor capitalise.
  peerobs_web_text_input__deps: ['$PEEROBS'],
  peerobs_web_text_input: function (on, x, y, height, exact) {
    var ta = PEEROBS.textarea;
    if (!ta) return;
    var ratio = window.devicePixelRatio || 1;
    var kind = exact ? 'exact' : 'prose';
    if (on && ta.dataset.kind !== kind) {
      ta.dataset.kind = kind;
      ta.setAttribute('autocorrect', exact ? 'off' : 'on');
      ta.setAttribute('autocapitalize', exact ? 'off' : 'sentences');
      ta.spellcheck = !exact;
      // A keyboard reads these as the field takes focus: moving from a note to a code field
      // with the keyboard up, the field takes it again.
      if (PEEROBS.wantText && document.activeElement === ta) {
        ta.blur();
        ta.focus({preventScroll: true});
        PEEROBS.dismissed = false;  // the blur above was ours, not the person closing the keyboard
      }
    }
    if (on) {
      // The field sits at the caret, so the browser keeps the caret's line above the keyboard.
      ta.style.left = Math.max(0, x / ratio) + 'px';
      ta.style.top = Math.max(0, y / ratio) + 'px';
      ta.style.height = Math.max(16, height / ratio) + 'px';
    }
    if (on && !PEEROBS.wantText) PEEROBS.resetText();
    if (on) {
      PEEROBS.wantText = true;
      if (!PEEROBS.dismissed && document.activeElement !== ta) ta.focus({preventScroll: true});
    } else if (!on && PEEROBS.wantText) {
      PEEROBS.wantText = false;
      PEEROBS.resetText();
      if (document.activeElement === ta) ta.blur();
    }
  },

  peerobs_web_first_frame: function () {
    var status = document.getElementById('status');
    if (status) status.hidden = true;
    Module['peerobsFirstFrameMs'] = performance.now();  // since navigation start (bench/web)
  },

  // How long each drawn frame took on the page's thread (ms), the last 1,000 (bench/web).
  peerobs_web_frame_done: function (ms) {
    var times = Module['peerobsFrameTimes'] || (Module['peerobsFrameTimes'] = []);
    times.push(ms);
    if (times.length > 1000) times.shift();
  },

  peerobs_web_now_ms: function () { return performance.now(); },

  // A report page (core/report/render_html: no script, nothing fetched) offered two ways at once:
  // downloaded as file_name (a Blob and a temporary <a download>), and printed from a hidden frame,
  // where the print dialog also offers "Save as PDF" (the way an iPad keeps it). Called in the frame
  // after a tap, within the browser's user-activation window, so neither counts as a pop-up.
  // Returns 1 when both were started, 0 if the browser refused (the reason goes to the console).
  // Module.peerobsReports lists what was offered (name and size), for the browser tests.
  peerobs_web_offer_report: function (html, file_name) {
    try {
      var text = UTF8ToString(html);
      var name = UTF8ToString(file_name);
      var blob = new Blob([text], {type: 'text/html;charset=utf-8'});
      var url = URL.createObjectURL(blob);
      var a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.style.display = 'none';
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      // Revoked later, not now: some browsers start reading the Blob only after click() returns.
      setTimeout(function () { URL.revokeObjectURL(url); }, 60000);

      // One print frame at a time. srcdoc keeps the page's origin (a blob: frame is another one on
      // some browsers, and print() on it would be refused); the sandbox runs no script in it
      // whatever the text holds, and allow-modals lets print() open the dialog.
      var old = document.getElementById('peerobs-report-print');
      if (old) old.parentNode.removeChild(old);
      var frame = document.createElement('iframe');
      frame.id = 'peerobs-report-print';
      frame.title = name;
      frame.setAttribute('aria-hidden', 'true');
      frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
      // Laid out at a page's width (so print() lays it out as on paper) but off screen.
      frame.style.cssText = 'position:fixed;left:-10000px;top:0;width:800px;height:600px;border:0';
      frame.onload = function () {
        try {
          frame.contentWindow.focus();
          frame.contentWindow.print();
        } catch (e) {
          console.error('peerobs: the print dialog for ' + name + ' did not open', e);
        }
      };
      frame.srcdoc = text;
      document.body.appendChild(frame);
      (Module['peerobsReports'] = Module['peerobsReports'] || []).push({name: name, bytes: blob.size});
      return 1;
    } catch (e) {
      console.error('peerobs: could not offer ' + UTF8ToString(file_name), e);
      return 0;
    }
  },

  // ImGui copied text: to the system clipboard where the browser allows it (a gesture, https).
  peerobs_web_copy_text: function (text) {
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(UTF8ToString(text)).catch(function () {});
  },
});
