// The loader of the official Lytics JS tag that lytics-servlet writes into <head>
// (`lytics.tag.loader=true`), after the helper. A classic script, not a module: the server embeds
// the built file (dist/lytics-tag-loader.js) verbatim as the body of
// `<script data-lytics-tag='{"src":…,"cookie":…,"loadid":false}'>`; the loader reads that config
// and makes the install's two calls, `jstag.init(config)` and `jstag.pageView()`. (A static body:
// a CSP may allow it by hash as well as by nonce.)
//
// It keeps Lytics' install contract for the v3 tag (Lytics' own snippet, lytics/wordpress-core
// src/public/js/lytics-tag-install.js): `window.jstag` is created or reused; its methods queue
// their calls until the library arrives; `init(config)` stores `config` on the object and loads
// `config.src`; the library patches that same object in place (it replaces `init` and the
// methods); the loader then calls the new `init` with the stored config and replays the queue on
// the object. A library that did not replace `init` is a load error, thrown as Lytics' snippet does.
//
// Two additions. With the helper on the page, the library is loaded once the helper decided the
// profile (see `init`). And: the tag rewrites its id cookie from JavaScript on every send (jstag 3 core/getid.js
// -> core/setid.js -> cookie/set.js: `domain=<host>`, no path, 90 days). A script-written cookie
// is capped by browsers (Safari: 7 days) and, being a different cookie from the server's
// (host-only, Path=/), leaves a second one. So, from `init` on, a write of the tag's cookie that
// only repeats the value the page already has is dropped: the server's cookie stays the one
// cookie, with the lifetime the server gave it. Every other cookie write passes unchanged.
(function (win, doc) {
  var me = doc.currentScript;
  var settings = JSON.parse(me.getAttribute('data-lytics-tag'));
  var tag = win.jstag || (win.jstag = {});
  if (typeof tag.init === 'function') return; // the page installs (or has loaded) the tag itself
  var queue = [];
  var stubs = {};
  var nonce = me.nonce;
  'send mock identify pageView unblock getid setid loadEntity getEntity on once call'.split(' ').forEach(function (m) {
    stubs[m] = tag[m] = function () {
      queue.push([m, [].slice.call(arguments)]);
    };
  });

  /** Drops writes of `name` that repeat the value the page already has (see the header). */
  function keepCookie(name) {
    var native = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    if (!native || !native.set || Object.prototype.hasOwnProperty.call(doc, 'cookie')) return;
    Object.defineProperty(doc, 'cookie', {
      configurable: true,
      enumerable: true,
      get: function () {
        return native.get.call(doc);
      },
      set: function (v) {
        var m = /^\s*([^=;\s]+)\s*=\s*([^;\s]+)/.exec(v);
        if (!(m && m[1] === name && ('; ' + native.get.call(doc) + ';').indexOf('; ' + name + '=' + m[2] + ';') >= 0)) {
          native.set.call(doc, v);
        }
      },
    });
  }

  /** Lytics' snippet offers it on the object too; inserts an async script before the first one. */
  tag.loadScript = function (src, onload, onerror) {
    var s = doc.createElement('script');
    var first = doc.getElementsByTagName('script')[0];
    s.async = true;
    s.src = src;
    s.onload = onload;
    s.onerror = onerror;
    if (nonce) s.nonce = nonce;
    (first ? first.parentNode : doc.head).insertBefore(s, first || null);
    return this;
  };

  var init = (tag.init = function (config) {
    tag.config = config;
    var c = tag.config; // as the helper (when present) adjusted it
    keepCookie((c && c.cookie) || 'seerid');
    var load = function () {
      tag.loadScript(c.src, function () {
        if (tag.init === init) throw new Error('Lytics tag ' + c.src + ' loaded but did not install jstag.init');
        tag.init(tag.config);
        queue.splice(0).forEach(function (call) {
          var fn = tag[call[0]];
          if (typeof fn === 'function' && fn !== stubs[call[0]]) fn.apply(tag, call[1]);
        });
      });
    };
    // With the helper, the library loads once the page's profile is decided: on a cached page the
    // profile answer sets the server's cookie first, so the tag never mints an id of its own (calls
    // meanwhile queue). With an inline bootstrap that is at once.
    var helper = win.lytics;
    if (helper && typeof helper.ready === 'function') helper.ready().then(load);
    else load();
    return tag;
  });

  tag.init(settings);
  tag.pageView();
})(window, document);
