// Wires bootstrap, DOM personalization, events, consent and the official tag into `window.lytics`.
import { readBootstrap, readEndpoints, readTimeout, readCookieName, normalizeProfile } from './bootstrap.js';
import { personalize } from './dom.js';
import { post, fetchProfile } from './transport.js';
import { createEvents } from './events.js';
import { bridgeTag } from './jstag.js';

/** Version of the helper and of the bootstrap format it reads. */
export const VERSION = '1';

const report = (win, e) => win.setTimeout(() => {
  throw e;
});

/**
 * Installs `win.lytics` once per window (later calls return the existing object).
 * With an inline, non-deferred bootstrap the profile is decided synchronously; otherwise the
 * profile endpoint is fetched with a bounded wait, after which the fallback (status
 * `unavailable`, no segments) is decided.
 */
export function install(win) {
  if (win.lytics && win.lytics.version === VERSION) return win.lytics;
  const doc = win.document;
  const base = win.location.href;
  const script = doc.currentScript || doc.querySelector('script[data-lytics-timeout]');
  const boot = readBootstrap(doc);
  const endpoints = readEndpoints(boot && boot.endpoints, base);
  const timeout = readTimeout(script && script.getAttribute('data-lytics-timeout'), boot && boot.timeout);
  const cookie = readCookieName(boot && boot.tag);

  let profile = null; // null while undecided
  let explicitConsent = false;
  const pending = [];
  const onDecided = (cb) => (profile ? cb() : pending.push(cb));
  const has = (slug) => !!profile && profile.segments.indexOf(String(slug)) >= 0;

  const dom = personalize(win, doc, script && (script.nonce || script.getAttribute('nonce')));
  const events = createEvents((body) => post(win, endpoints.collect, body), () => profile && profile.pvid, 'pending');
  const tag = bridgeTag(
    win,
    () => ({
      cookie,
      counted: profile ? profile.counted : undefined,
      blocked: events.state !== 'granted' && events.state !== 'not-required',
    }),
    onDecided,
  );

  const setConsent = (state) => {
    events.consent(state);
    if (state === 'granted' || state === 'not-required') tag.unblock();
  };

  const decide = (raw) => {
    if (profile) return;
    profile = normalizeProfile(raw, base);
    for (const key of ['visitorId', 'status', 'segments', 'fields', 'recommendations', 'pvid', 'counted']) {
      api[key] = profile[key];
    }
    dom.decide(has);
    if (!explicitConsent) setConsent(profile.consent);
    pending.splice(0).forEach((cb) => {
      try {
        cb();
      } catch (e) {
        report(win, e);
      }
    });
  };

  // Data properties, replaced by the decided profile; `status` is `pending` until then.
  const api = {
    version: VERSION,
    endpoints,
    visitorId: undefined,
    status: 'pending',
    segments: [],
    fields: {},
    recommendations: [],
    pvid: undefined,
    counted: false,
    get consentState() {
      return events.state;
    },
    inSegment: has,
    ready(cb) {
      const p = new Promise((resolve) => onDecided(() => resolve(api)));
      if (typeof cb === 'function') {
        p.then(cb).catch((e) => report(win, e));
      }
      return p;
    },
    send: (event) => events.send(event),
    consent(granted) {
      explicitConsent = true;
      setConsent(granted ? 'granted' : 'denied');
    },
  };
  win.lytics = api;

  if (boot && boot.deferred !== true) decide(boot);
  else {
    fetchProfile(win, endpoints.profile, timeout).then(decide, () => decide({ status: 'unavailable' }));
  }
  return api;
}
