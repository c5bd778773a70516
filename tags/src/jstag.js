// Bridge to the official Lytics JS tag (`window.jstag`): same visitor id, page view counted once,
// sends blocked while consent is missing.


/**
 * Applies the helper's settings to a jstag config object in place (idempotent):
 * `cookie` = the server's cookie name and `loadid: false` (same id as the server);
 * when the page view is (or may be) counted already, automatic page analysis and
 * `send.pageViewOnFirst` are disabled; `blocked: true` while consent is missing.
 */
export function applyTagConfig(cfg, s) {
  cfg.cookie = s.cookie;
  cfg.loadid = false;
  if (s.counted !== false) {
    const pa = (cfg.pageAnalysis = Object.assign({}, cfg.pageAnalysis));
    pa.dataLayerPull = Object.assign({}, pa.dataLayerPull, { disabled: true });
    cfg.send = Object.assign({}, cfg.send, { pageViewOnFirst: false });
  }
  if (s.blocked) cfg.blocked = true;
  return cfg;
}

/** Turns `obj[name]` into an accessor: reads return `get(stored)`, writes store the value. */
function intercept(obj, name, get) {
  let value = obj[name];
  Object.defineProperty(obj, name, {
    configurable: true,
    enumerable: true,
    get: () => get(value),
    set: (v) => {
      value = v;
    },
  });
  return () => value;
}

/**
 * Hooks the current and any later `window.jstag` object.
 * `state()` returns `{cookie, counted, blocked}` where counted is true/false or undefined while
 * undecided; `whenDecided(cb)` runs cb once the profile is decided (at once when it is).
 * The first `pageView()` is held until decided, then dropped when the server counted the page
 * view, else forwarded; later calls pass through. `config` reads return the adjusted config.
 * @returns {{unblock(): void}} unblocks jstag if the helper blocked it
 */
export function bridgeTag(win, state, whenDecided) {
  let blockedByUs = false;
  let firstPageView = true;
  const hooked = new WeakSet();
  const hook = (tag) => {
    if (!tag || typeof tag !== 'object' || hooked.has(tag)) return tag;
    try {
      intercept(tag, 'config', (cfg) => {
        if (cfg && typeof cfg === 'object') {
          const s = state();
          if (s.blocked) blockedByUs = true;
          applyTagConfig(cfg, s);
        }
        return cfg;
      });
      const inner = intercept(tag, 'pageView', (fn) => (typeof fn === 'function' ? pageView : fn));
      hooked.add(tag);
      function pageView(...args) {
        if (!firstPageView) return inner().apply(this, args);
        firstPageView = false;
        const self = this;
        whenDecided(() => {
          // the tag patches this object in place (Lytics' install contract): its current pageView
          const fn = inner();
          if (!state().counted && typeof fn === 'function') fn.apply(self, args);
        });
        return this;
      }
    } catch (e) {
      // a frozen or exotic object: leave it alone
    }
    return tag;
  };
  let current = hook(win.jstag);
  try {
    Object.defineProperty(win, 'jstag', {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (v) => {
        current = hook(v);
      },
    });
  } catch (e) {
    // not redefinable: only the existing object is hooked
  }
  return {
    unblock() {
      if (blockedByUs && current && typeof current.unblock === 'function') {
        blockedByUs = false;
        current.unblock();
      }
    },
  };
}
