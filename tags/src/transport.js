// Delivery of one JSON body to the first-party collect endpoint.
import { isObject } from './values.js';

/**
 * Posts `body` (a JSON string) with `navigator.sendBeacon`, or with `fetch(..., {keepalive})`
 * when the beacon is missing, throws or is refused. Never throws.
 * @returns {boolean} whether a transport accepted the body
 */
export function post(win, url, body) {
  const nav = win.navigator;
  try {
    if (nav && nav.sendBeacon && nav.sendBeacon(url, new win.Blob([body], { type: 'application/json' }))) {
      return true;
    }
  } catch (e) {
    // fall through to fetch
  }
  if (!win.fetch) return false;
  try {
    win.fetch(url, {
      method: 'POST',
      body,
      keepalive: true,
      headers: { 'Content-Type': 'application/json' },
    }).catch(() => {});
    return true;
  } catch (e) {
    return false;
  }
}

/**
 * Fetches the profile endpoint (same JSON shape as the bootstrap) within `ms` milliseconds.
 * Rejects on timeout (the request is aborted), network error, non-2xx status or a body that is
 * not a JSON object (or is again `deferred`).
 */
export function fetchProfile(win, url, ms) {
  const ctl = new win.AbortController();
  const timer = win.setTimeout(() => ctl.abort(), ms);
  // fetch's default credentials mode (same-origin) sends the visitor's cookies
  return new Promise((resolve) => resolve(win.fetch(url, { headers: { Accept: 'application/json' }, signal: ctl.signal })))
    .then((res) => {
      if (!res.ok) throw Error(res.status);
      return res.json();
    })
    .then((json) => {
      if (!isObject(json) || json.deferred) throw Error('unusable');
      return json;
    })
    .finally(() => win.clearTimeout(timer));
}
