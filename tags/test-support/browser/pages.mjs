// Test pages for the real-browser tests, served by test-support/server.mjs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

/** The built helper files; the browser tests exercise what ships. */
export function distFile(name) {
  try {
    return readFileSync(join(dist, name), 'utf8');
  } catch (e) {
    throw new Error(`dist/${name} is missing: run "node build.mjs" (or "npm test") before the browser tests`);
  }
}

/**
 * Records, in every animation frame (each frame the browser may paint), whether each element with
 * `data-expect` is visible, and flags a frame where it differs from what it must be: hidden while
 * window.lytics is pending, `data-fallback` once unavailable, else `data-expect`. Also records when it
 * started (`__recorderAt`: just after a classic helper before it started its bounded wait) and when the
 * helper decided (`__decidedAt`), both on the page's own clock.
 */
export const RECORDER = `(() => {
  window.__recorderAt = performance.now();
  if (window.lytics) window.lytics.ready(() => { window.__decidedAt = performance.now(); });
  const frames = (window.__frames = []);
  const tick = () => {
    const l = window.lytics;
    const status = l ? l.status : 'no-helper';
    const els = [...document.querySelectorAll('[data-expect]')];
    const f = { t: performance.now(), status, count: els.length, visible: 0, bad: [] };
    for (const el of els) {
      const visible = el.checkVisibility();
      if (visible) f.visible++;
      const want = status === 'pending' ? 'hidden' : status === 'unavailable' ? el.dataset.fallback : el.dataset.expect;
      if ((want === 'shown') !== visible) f.bad.push(el.id + ' ' + (visible ? 'visible' : 'hidden') + ', must be ' + want);
    }
    frames.push(f);
    if (!window.__stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Marked elements for a visitor in segments all, known_users and vip (expect) or none (fallback). */
export const MARKED = [
  `<div id="vip" data-lytics-segment="vip" data-expect="shown" data-fallback="hidden">VIP offer</div>`,
  `<div id="join" data-lytics-unless="vip" data-expect="hidden" data-fallback="shown">Join the club</div>`,
  `<div id="gold" data-lytics-segment="gold, platinum" data-expect="hidden" data-fallback="hidden">Gold offer</div>`,
  `<div id="both" data-lytics-segment="all:vip,known_users" data-expect="shown" data-fallback="hidden">Known VIP</div>`,
  `<div id="notvip" data-lytics-segment="none:vip" data-expect="hidden" data-fallback="shown">Everyone else</div>`,
  `<p id="mixed" data-lytics-segment="known_users" data-lytics-unless="gold" data-expect="shown" data-fallback="hidden">Known, not gold</p>`,
];

export const VISITOR = {
  v: 1,
  visitorId: 'u_123',
  status: 'known',
  segments: ['all', 'known_users', 'vip'],
  fields: { first_name: '<img src=x onerror="window.__xss=1">' },
  recommendations: [{ url: 'https://example.org/a', title: '</script><script>window.__xss=2</script>', topics: ['x'] }],
  pvid: 'pv-6f1c',
  counted: true,
  consent: 'granted',
  endpoints: { profile: '/ctx/lytics/profile', collect: '/ctx/lytics/collect' },
  tag: { cookie: 'lyid' },
};

/** JSON for a `<script type="application/json">`: `<` escaped so no value can close the element. */
export function scriptJson(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The head of a test page: bootstrap (unless null), the helper (unless helper is false), the
 * recorder, then `extraHead`. `nonce` goes on every executable script.
 */
export function head({ bootstrap, helper = 'classic', timeout, nonce, extraHead = '' }) {
  const n = nonce ? ` nonce="${nonce}"` : '';
  const t = timeout !== undefined ? ` data-lytics-timeout="${timeout}"` : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>t</title>
${bootstrap ? `<script type="application/json" id="lytics-bootstrap">${scriptJson(bootstrap)}</script>` : ''}
${helper === 'classic' ? `<script src="/ctx/lytics/lytics-helper.js"${n}${t}></script>` : ''}
${helper === 'module' ? `<script type="module" src="/ctx/lytics/lytics-helper.mjs"${n}></script>` : ''}
<script${n}>${RECORDER}</script>
${extraHead}
</head><body><h1>Page</h1><p>Some content that paints.</p>
`;
}

/**
 * Streams `chunks` with `gapMs` between them, so the browser renders the page in steps. `gate(i)`, when
 * given, may return a promise: chunk `i` is written only once it settles (after the gap), so that a test
 * can hold the rest of the page until the browser has painted what it has.
 */
export function stream(res, chunks, gapMs, headers = {}, gate = () => undefined) {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  let i = 0;
  const next = () => {
    if (res.destroyed) return;
    res.write(chunks[i++]);
    if (i < chunks.length) setTimeout(() => Promise.resolve(gate(i)).then(next), gapMs);
    else res.end();
  };
  next();
}

/** The page body in three chunks: two marked elements arrive with each. */
export function markedChunks(headHtml) {
  return [
    headHtml + MARKED.slice(0, 2).join('\n'),
    MARKED.slice(2, 4).join('\n') + '<p>more</p>',
    MARKED.slice(4).join('\n') + '</body></html>',
  ];
}

/** Escapes text for a double-quoted HTML attribute, as lytics-servlet's HtmlEscaper does. */
export function attr(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * The official tag's loader element exactly as lytics-servlet's HeadMarkup writes it (its
 * HeadMarkupTest asserts the same form): the built dist/lytics-tag-loader.js as the body of a
 * script whose `data-lytics-tag` holds `{"src","cookie","loadid":false}`.
 */
export function loaderElement({ src, cookie = 'seerid' }, nonce) {
  const n = nonce ? ` nonce="${nonce}"` : '';
  const config = JSON.stringify({ src, cookie, loadid: false });
  return `<script${n} data-lytics-tag="${attr(config)}">${distFile('lytics-tag-loader.js').trim()}</script>\n`;
}
