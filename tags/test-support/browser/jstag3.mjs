// A stand-in for the official Lytics JS tag v3 as a page downloads it
// (`https://c.lytics.io/api/tag/{account}/latest.min.js`), for the browser tests. Written for this
// project (no code copied) to behave as Lytics' jstag 3 source does where the tests look: how it
// installs itself on load, which cookie it writes and how, and what it sends where. Source read:
// Lytics' jstag 3.0.x, fork `bechirsegni/jstag`, files under `src/rollup/`:
//
// - io.js: on load, `window.jstag` is kept (created when absent) and PATCHED IN PLACE: `JSTag`,
//   a new `init`, and `send mock identify page pageView block unblock parseEvent clearCookies`
//   forwarding to the instance that `init` creates. The install snippet's other stubs (getid,
//   setid, loadEntity, getEntity, on, once, call) are not replaced by this version.
// - io.js `init(config)`: clears a previous instance's cookies (`reset`), creates the instance,
//   runs page analysis, sets `isLoaded = true` and `jstag.config = instance.config`. It sends nothing.
// - core/get-config.js: the defaults (`url: '//c.lytics.io'`, `path: '/c/'`, `cookie: 'seerid'`,
//   `sesname: 'seerses'`, `sessecs: 1800`, `loadid`, `delay: 2000`, ...) merged with the config;
//   `cid` made an array. It has no setting for the cookie's domain, path or lifetime.
// - core/page-analysis.js: writes the session cookie `seerses` (value `e`, `sessecs` seconds).
// - core/page.js, core/send.js, core/send-message.js: a page view is `{_e: 'pv', ...pageData}`;
//   without `url` or `cid` it throws; while blocked it queues; the URL is `url + path + cid`
//   (+ `/stream`), plus `_uidn=<cookie>` when the cookie is not `seerid`; `_ts` is set; then
//   core/collect-identity.js (`url` without protocol, `_uid` from the cookie, `_v`, device keys);
//   then `getid`, which fills `_uid` (and `_getid=t`) when still missing, then sends.
// - core/getid.js: the id is the cookie's value; else (`loadid`) a JSONP call to `{url}/cid/...`
//   (not modelled here: it throws, the tests run with `loadid: false`); else a new id from
//   util/uid.js (`'u_' + Math.floor(Math.random() * 1e18)`). Whatever the source, it then calls
//   core/setid.js, which REWRITES THE COOKIE on every send through cookie/set.js:
//   `name=<encodeURIComponent(value)>; domain=<page hostname, when it has a dot>; expires=<now + 90 days>`
//   (no path: the browser then uses the page's directory).
// - cookie/get.js: the first match of `name=([^;]+)` in the decoded `document.cookie`.
// - io/get-transport.js, io/transports/gif.js: while `url + data` is at most 2000 characters, an
//   `Image` GET of `url?<data>` (core/default-serializer.js); longer messages use a hidden form
//   POST (io/transports/form.js), not modelled here: the stand-in throws instead.
// - core/block.js, core/unblock.js: `blocked` queues sends in `config.payloadQueue`; `unblock()`
//   sends them. The fork (3.0.2) only blocks through `jstag.block()`; Lytics' current docs
//   (contentstack.com/docs/lytics/jstag-plugin-send) document the `blocked` config key of 3.x,
//   which the stand-in honours at `init` unless given `blockedKey: false` (then it is 3.0.2 exactly).
//
// The per-account file carries the account: `cid` and the collector `url` are given to
// `jstag3Library` and used as defaults under the page's config.

function standIn(account) {
  'use strict';
  var win = window;
  var doc = document;

  function getCookie(name) {
    var m = new RegExp(name + '=([^;]+)').exec(decodeURIComponent(doc.cookie));
    return m && m[1];
  }
  function setCookie(name, value, seconds) {
    var expires = new Date(Date.now() + 1000 * (seconds || 90 * 24 * 60 * 60));
    var host = win.location.hostname;
    doc.cookie = name + '=' + encodeURIComponent(value)
      + (host && host.split('.').length > 1 ? '; domain=' + host : '')
      + '; expires=' + expires.toUTCString();
  }
  function serialize(data, ns) {
    var out = [];
    Object.keys(data).forEach(function (k) {
      var v = data[k];
      var key = ns ? ns + '.' + encodeURIComponent(k) : encodeURIComponent(k);
      if (typeof v === 'function' || v == null) return;
      if (typeof v === 'object') out.push(serialize(v, key));
      else out.push(key + '=' + encodeURIComponent(v));
    });
    return out.join('&');
  }
  function args(list) {
    var msg = { data: {} };
    list.forEach(function (a) {
      if (typeof a === 'string') msg.stream = a;
      else if (typeof a === 'function') msg.callback = a;
      else if (a && typeof a === 'object') msg.data = a;
    });
    return msg;
  }

  function JSTag(config) {
    var c = Object.assign({
      url: account.url, cid: account.cid, payloadQueue: [], loadid: undefined, delay: 2000, blockload: false,
      path: '/c/', idpath: '/cid/', cookie: 'seerid', sesname: 'seerses', stream: undefined, sessecs: 1800,
    }, config);
    if (c.cid) c.cid = [].concat(c.cid);
    this.config = c;
    this.pageData = {};
    this.blocked = account.blockedKey !== false && !!c.blocked;
    this.changeId = null;
  }
  JSTag.prototype = {
    getid: function (cb) {
      var that = this;
      var id = getCookie(this.config.cookie);
      var done = function (value) {
        that.setid(value);
        cb(value);
      };
      if (id && id.length) setTimeout(done, 0, id);
      else if (this.config.loadid) throw new Error('stand-in: loadid (JSONP id from c.lytics.io) is not modelled');
      else setTimeout(done, 0, 'u_' + Math.floor(Math.random() * 1e18));
    },
    setid: function (id) {
      var old = getCookie(this.config.cookie);
      if (old && old.length) this.changeId = old;
      setCookie(this.config.cookie, id);
    },
    sendMessage: function (msg) {
      var that = this;
      var c = this.config;
      if (!c.url || !c.cid) throw new TypeError('Must have collection url and ProjectIds (cid)');
      if (this.blocked) {
        c.payloadQueue.push(msg);
        return;
      }
      msg.stream = msg.stream || c.stream;
      c.cid.forEach(function (cid) {
        var url = c.url + c.path + cid + (msg.stream ? '/' + msg.stream : '');
        if (c.cookie !== 'seerid') url += (url.indexOf('?') >= 0 ? '&' : '?') + '_uidn=' + c.cookie;
        var data = msg.data;
        data._ts = Date.now();
        data.url = win.location.href.replace(/^https?:\/\//, '');
        data._nmob = 't';
        data._device = 'desktop';
        if (!('_uid' in data)) {
          var seen = getCookie(c.cookie);
          if (seen) data._uid = seen;
        }
        if (!('_v' in data)) data._v = '3.0.2';
        if (that.changeId) data._uido = that.changeId;
        that.getid(function (id) {
          if (id && !data._uid) {
            data._uid = id;
            data._getid = 't';
          }
          var query = serialize(data);
          if (query.length + url.length > 2000) throw new Error('stand-in: the form transport is not modelled');
          var img = new Image();
          img.src = url + (url.indexOf('?') >= 0 ? '&' : '?') + query;
        });
      });
    },
    send: function () {
      this.sendMessage(args([].slice.call(arguments)));
    },
    page: function () {
      var msg = args([].slice.call(arguments));
      msg.data = Object.assign({ _e: 'pv' }, this.pageData, msg.data);
      this.sendMessage(msg);
    },
    block: function () {
      this.blocked = true;
      return this;
    },
    unblock: function () {
      var that = this;
      if (!this.blocked) return this;
      this.blocked = false;
      this.config.payloadQueue.splice(0).forEach(function (m) {
        that.sendMessage(m);
      });
      return this;
    },
    pageAnalysis: function () {
      if (!getCookie(this.config.sesname)) this.pageData._sesstart = '1';
      setCookie(this.config.sesname, 'e', this.config.sessecs);
    },
    clearCookies: function () {
      doc.cookie = this.config.cookie + '=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
      doc.cookie = this.config.sesname + '=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    },
  };
  JSTag.prototype.identify = JSTag.prototype.send;
  JSTag.prototype.pageView = JSTag.prototype.page;
  JSTag.prototype.mock = function () {};
  JSTag.prototype.parseEvent = function () {
    return args([].slice.call(arguments));
  };

  var tag = win.__lytics__jstag__ || (win.__lytics__jstag__ = win.jstag || {});
  var instance;
  tag.JSTag = JSTag;
  tag.init = function (config) {
    if (instance) instance.clearCookies();
    instance = new JSTag(config);
    instance.pageAnalysis();
    tag.isLoaded = true;
    tag.config = instance.config;
  };
  ['send', 'mock', 'identify', 'page', 'pageView', 'block', 'unblock', 'parseEvent', 'clearCookies'].forEach(function (m) {
    tag[m] = function () {
      return instance[m].apply(instance, arguments);
    };
  });
  tag.isLoaded = false;
  win.jstag = tag;
}

/**
 * The stand-in's script text for an account: `cid` and the collector base `url` (e.g. `//host:port`);
 * `blockedKey: false` ignores the `blocked` config key, as jstag 3.0.2 does.
 */
export function jstag3Library(account) {
  return `(${standIn.toString()})(${JSON.stringify(account)});`;
}

/** `util/uid.js` of jstag 3: the id format the tag mints when it finds no cookie. */
export function jstagUid() {
  return 'u_' + Math.floor(Math.random() * 1e18);
}
