// Reading and validating the server's decision. Every value is untrusted: only the documented
// keys with the documented types survive, everything else is dropped.
import { isArray, isObject } from './values.js';

/** Where the helper talks to when the bootstrap names no endpoints. */
export const DEFAULT_ENDPOINTS = { profile: '/lytics/profile', collect: '/lytics/collect' };
/** Default bounded wait for the profile endpoint, in milliseconds. */
export const DEFAULT_TIMEOUT = 1500;
/** Upper bound of any configured wait, in milliseconds. */
export const MAX_TIMEOUT = 10000;

const STATUSES = ['known', 'new', 'unavailable'];
const CONSENTS = ['granted', 'pending', 'denied', 'not-required'];
const MAX_SEGMENTS = 500;
const MAX_RECOMMENDATIONS = 50;

const text = (v, max) => (typeof v === 'string' && v.length <= max ? v : undefined);
const oneOf = (v, list, dflt) => (list.indexOf(v) >= 0 ? v : dflt);
const freeze = Object.freeze;

/**
 * Parses `<script type="application/json" id="lytics-bootstrap">`.
 * @returns {object|null} the raw object, or null when absent, unparsable or not an object
 */
export function readBootstrap(doc) {
  const el = doc.getElementById('lytics-bootstrap');
  if (!el) return null;
  try {
    const raw = JSON.parse(el.textContent);
    return isObject(raw) ? raw : null;
  } catch (e) {
    return null;
  }
}

/** A URL string when it is http(s) and, with `sameOrigin`, on the page's origin; else undefined. */
export function safeUrl(value, base, sameOrigin) {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  try {
    const url = new URL(value, base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (sameOrigin && url.origin !== new URL(base).origin) return undefined;
    return url.href;
  } catch (e) {
    return undefined;
  }
}

/** Profile and collect URLs: same-origin only (a bootstrap cannot send events elsewhere). */
export function readEndpoints(raw, base) {
  const given = isObject(raw) ? raw : {};
  return {
    profile: safeUrl(given.profile, base, true) || new URL(DEFAULT_ENDPOINTS.profile, base).href,
    collect: safeUrl(given.collect, base, true) || new URL(DEFAULT_ENDPOINTS.collect, base).href,
  };
}

/** First valid candidate (number or numeric string, 0..MAX_TIMEOUT) or the default. */
export function readTimeout(...candidates) {
  for (const c of candidates) {
    if (c === null || c === undefined || c === '') continue;
    const n = Number(c);
    if (Number.isFinite(n) && n >= 0 && n <= MAX_TIMEOUT) return n;
  }
  return DEFAULT_TIMEOUT;
}

/** Cookie name of the official tag (`tag.cookie`), limited to cookie token characters. */
export function readCookieName(tag) {
  const name = isObject(tag) ? text(tag.cookie, 64) : undefined;
  return name && /^[A-Za-z0-9_.-]+$/.test(name) ? name : 'seerid';
}

function readFields(raw) {
  const out = Object.create(null);
  if (!isObject(raw)) return freeze(out);
  for (const key of Object.keys(raw)) {
    const v = raw[key];
    const t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') out[key] = v;
    else if (isArray(v)) out[key] = v.filter((x) => typeof x === 'string' || typeof x === 'number');
  }
  return freeze(out);
}

function readRecommendation(r, base) {
  if (!isObject(r)) return null;
  const url = safeUrl(r.url, base, false);
  if (!url) return null;
  return {
    url,
    title: text(r.title, 1000) || '',
    description: text(r.description, 4000) || '',
    // the bootstrap's `image`; else Lytics' shapes: primaryimageurl, imageurls[0], the older primary_image
    image: safeUrl(r.image || r.primaryimageurl || (isArray(r.imageurls) && r.imageurls[0]) || r.primary_image, base, false) || '',
    topics: isArray(r.topics) ? r.topics.filter((t) => typeof t === 'string') : [],
  };
}

/**
 * Normalizes a bootstrap or a profile answer into the shape `window.lytics` exposes.
 * Unknown or invalid values fall back to safe defaults: status `unavailable`, consent `pending`,
 * no segments, `counted` false. Recommendation URLs must be http(s).
 */
export function normalizeProfile(raw, base) {
  const src = isObject(raw) ? raw : {};
  const segments = [];
  if (isArray(src.segments)) {
    for (const s of src.segments) {
      const slug = typeof s === 'string' ? s.trim() : '';
      if (slug && slug.length <= 128 && segments.indexOf(slug) < 0 && segments.length < MAX_SEGMENTS) segments.push(slug);
    }
  }
  const recommendations = isArray(src.recommendations)
    ? src.recommendations.slice(0, MAX_RECOMMENDATIONS).map((r) => readRecommendation(r, base)).filter(Boolean)
    : [];
  return {
    visitorId: text(src.visitorId, 256),
    status: oneOf(src.status, STATUSES, 'unavailable'),
    segments: freeze(segments),
    fields: readFields(src.fields),
    recommendations: freeze(recommendations),
    pvid: text(src.pvid, 128),
    counted: src.counted === true,
    consent: oneOf(src.consent, CONSENTS, 'pending'),
  };
}
