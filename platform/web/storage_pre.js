// The browser's persistent storage for the client's data folder (passed to emcc with --pre-js).
//
// SQLite works on the in-memory file system (MEMFS) at /data. At start, before main(), every file
// kept in IndexedDB ("peerobs" database, "files" store) is written back into /data. After any
// change under /data (a write, a truncate, a rename or a delete, from the page or from a sync
// thread) the whole folder is copied into IndexedDB in ONE transaction, so the stored copy is
// always a state SQLite itself left on disk: a commit, or a transaction in progress whose rollback
// journal travels with it (SQLite rolls it back when the copy is opened). Until that transaction
// completes the app shows "Saving..." (platform::storage_state().pending); docs/client.md gives the
// bound measured by bench/web. Copies run one at a time; changes made during one start the next.
//
// Private browsing without IndexedDB, a denied open, or a full quota: the app keeps working in
// memory and says plainly that data is not being kept (platform::storage_state().problem).
if (typeof window !== 'undefined' && !(Module['ENVIRONMENT_IS_PTHREAD'])) (function () {
  'use strict';
  var kDir = '/data';
  var S = {
    db: null,
    changes: 0,      // changes under /data seen so far
    stored: 0,       // changes included in the last completed copy
    copying: false,
    problem: '',
    lastCopyMs: 0,   // how long the last copy took (bench/web reads it)
    copies: 0
  };
  Module['peerobsStorage'] = S;

  function openDatabase(done) {
    if (Module['peerobsStorageUnavailable'] || typeof indexedDB === 'undefined') return done(null, 'none');
    var req;
    try {
      req = indexedDB.open('peerobs', 1);
    } catch (e) {
      return done(null, e && e.name);
    }
    req.onupgradeneeded = function () { req.result.createObjectStore('files'); };
    req.onsuccess = function () { done(req.result, ''); };
    req.onerror = function () { done(null, req.error && req.error.name); };
    req.onblocked = function () { done(null, 'blocked'); };
  }

  function isUnderData(node) {
    try {
      var path = FS.getPath(node);
      return path === kDir || path.indexOf(kDir + '/') === 0;
    } catch (e) {
      return false;
    }
  }

  // The copy starts as soon as the code that wrote returns to the browser (a microtask), so a
  // transaction of the page's own thread is whole; setTimeout(0) waited behind slow frames (bench/web).
  var schedule = typeof queueMicrotask === 'function' ? queueMicrotask : function (f) { Promise.resolve().then(f); };
  var scheduled = false;
  function changed() {
    S.changes++;
    if (!S.copying && !scheduled) {
      scheduled = true;
      schedule(function () { scheduled = false; copyToDatabase(); });
    }
  }

  // Wraps the in-memory file system's operations that change a file, for files under /data.
  function watchChanges() {
    var fileStream = MEMFS.ops_table.file.stream;
    var write = fileStream.write;
    fileStream.write = function (stream) {
      var n = write.apply(this, arguments);
      if (isUnderData(stream.node)) changed();
      return n;
    };
    ['file', 'dir'].forEach(function (kind) {
      var ops = MEMFS.ops_table[kind].node;
      ['setattr', 'unlink', 'rename', 'rmdir', 'mknod'].forEach(function (name) {
        var original = ops[name];
        if (!original) return;
        ops[name] = function (node) {
          var result = original.apply(this, arguments);
          if (isUnderData(node)) changed();
          return result;
        };
      });
    });
  }

  function filesUnder(dir, out) {
    FS.readdir(dir).forEach(function (name) {
      if (name === '.' || name === '..') return;
      var path = dir + '/' + name;
      var mode = FS.stat(path).mode;
      if (FS.isDir(mode)) filesUnder(path, out);
      else if (FS.isFile(mode)) out.push(path);
    });
    return out;
  }

  function copyToDatabase() {
    if (S.copying || !S.db || S.changes === S.stored) return;
    S.copying = true;
    var upTo = S.changes;
    var started = performance.now();
    var tx = null;
    try {
      tx = S.db.transaction('files', 'readwrite');
      var store = tx.objectStore('files');
      store.clear();
      filesUnder(kDir, []).forEach(function (path) { store.put(FS.readFile(path), path); });
    } catch (e) {
      // Abort, or the clear() above would commit on its own and empty the stored copy.
      if (tx) {
        tx.onabort = tx.onerror = null;
        try { tx.abort(); } catch (ignored) {}
      }
      return failed(e);
    }
    tx.oncomplete = function () {
      S.stored = upTo;
      S.copying = false;
      S.lastCopyMs = performance.now() - started;
      S.copies++;
      if (S.problem.indexOf('full') >= 0 || S.problem.indexOf('could not') >= 0) S.problem = '';
      if (S.changes !== S.stored) copyToDatabase();
    };
    tx.onabort = tx.onerror = function () { failed(tx.error); };
  }

  function failed(error) {
    S.copying = false;
    var name = error && error.name;
    S.problem = name === 'QuotaExceededError'
        ? 'This device\'s storage for peerobs is full. What you saved is still open here but not yet kept: ' +
          'free some space (or delete other sites\' data), and keep this page open.'
        : 'This browser could not keep your latest changes (' + (name || 'unknown error') + '). Keep this page ' +
          'open; peerobs tries again every few seconds.';
    setTimeout(copyToDatabase, 3000);
  }

  Module['preRun'] = [].concat(Module['preRun'] || []);
  Module['preRun'].push(function () {
    addRunDependency('peerobs-storage');
    FS.mkdirTree(kDir);
    openDatabase(function (db, error) {
      if (!db) {
        S.problem = 'This browser keeps no data for peerobs here' + (error === 'none' ? ' (private browsing?)' : ' (' + error + ')') +
                    ': what you capture is lost when this page closes. Open peerobs in a normal browser window.';
        watchChanges();
        removeRunDependency('peerobs-storage');
        return;
      }
      S.db = db;
      var tx = db.transaction('files', 'readonly');
      var store = tx.objectStore('files');
      var req = store.openCursor();
      req.onsuccess = function () {
        var cursor = req.result;
        if (cursor) {
          var path = String(cursor.key);
          FS.mkdirTree(path.substring(0, path.lastIndexOf('/')));
          FS.writeFile(path, new Uint8Array(cursor.value));
          cursor.continue();
        }
      };
      tx.oncomplete = function () {
        watchChanges();
        removeRunDependency('peerobs-storage');
      };
      tx.onerror = tx.onabort = function () {
        S.problem = 'peerobs could not read what this browser kept (' + (tx.error && tx.error.name) + '). ' +
                    'Nothing was changed; reload the page to try again.';
        S.db = null;  // never overwrite a copy that could not be read
        watchChanges();
        removeRunDependency('peerobs-storage');
      };
    });
    // Ask the browser not to evict the data under storage pressure (granted for installed apps
    // and sites used often; Safari decides on its own).
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
  });
})();
