// The built helper in headless Chromium against a Node HTTP server on 127.0.0.1.
// Needs Debian's Chromium (apt-get install -y chromium): without it these tests fail, never skip.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startServer, json } from '../../test-support/server.mjs';
import {
  distFile, head, stream, markedChunks, MARKED, VISITOR,
} from '../../test-support/browser/pages.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const GAP_MS = 250; // between streamed HTML chunks, so the browser paints partial pages
let server;
let browser;

function pageRoute(path, options, extra = {}, gate = undefined) {
  server.route(path, (req, res) => {
    stream(res, markedChunks(head(options)), GAP_MS, extra, gate);
  });
}

/**
 * Opens `path` in a fresh context, waits until decided, loaded and a few frames later; returns the page and its frames.
 * `holdUntilPaintedPending`: a request path whose requests reach the server only once the page has painted a frame
 * with marked elements while the helper was still pending (so that the hiding is seen, whatever the machine's speed).
 * `whileLoading(page)`: awaited after the navigation started and before its load (e.g. to release a held chunk).
 */
async function visit(path, { cookies = [], holdUntilPaintedPending, whileLoading } = {}) {
  const context = await browser.newContext();
  if (cookies.length) await context.addCookies(cookies.map((c) => ({ ...c, url: server.url })));
  const page = await context.newPage();
  if (holdUntilPaintedPending) {
    await page.route((url) => url.pathname === holdUntilPaintedPending, async (route) => {
      await page.waitForFunction(() => (window.__frames || []).some((f) => f.status === 'pending' && f.count > 0));
      await route.continue();
    });
  }
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const loading = page.goto(server.url + path, { waitUntil: 'load' });
  if (whileLoading) {
    try {
      await whileLoading(page);
    } finally {
      await loading.catch(() => {});
    }
  }
  await loading;
  await page.waitForFunction(() => !window.lytics || window.lytics.status !== 'pending');
  const start = await page.evaluate(() => window.__frames.length);
  await page.waitForFunction((n) => window.__frames.length > n + 3, start);
  const frames = await page.evaluate(() => {
    window.__stop = true;
    return window.__frames;
  });
  return { context, page, frames, errors };
}

const violations = (frames) => frames.filter((f) => f.bad.length).map((f) => `${f.status}@${Math.round(f.t)}ms: ${f.bad.join('; ')}`);
const hits = (pred) => server.requests.filter(pred);

describe('helper in headless Chromium', () => {
  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: the browser tests need Debian's chromium (apt-get install -y chromium)`);
    const { chromium } = await import('playwright-core');
    server = await startServer({
      '/ctx/lytics/lytics-helper.js': (req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(distFile('lytics-helper.js'));
      },
      '/ctx/lytics/lytics-helper.mjs': (req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(distFile('lytics-helper.mjs'));
      },
      '/ctx/lytics/collect': (req, res) => res.writeHead(204).end(),
      '/blank': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>bye</p>'),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
  });

  test('inline bootstrap: no marked element ever paints in the wrong state', async () => {
    // the rest of the page is held until the browser has painted the first part, whatever the machine's speed
    let release;
    const painted = new Promise((resolve) => { release = resolve; });
    pageRoute('/inline', { bootstrap: VISITOR }, {}, () => painted);
    const { context, frames, errors } = await visit('/inline', {
      whileLoading: async (page) => {
        await page.waitForFunction((n) => (window.__frames || []).some((f) => f.count > 0 && f.count < n), MARKED.length);
        release();
      },
    });
    try {
      assert.deepEqual(errors, []);
      assert.deepEqual(violations(frames), []);
      assert.ok(frames.some((f) => f.count > 0 && f.count < MARKED.length), 'frames were rendered while the page was still streaming');
      const last = frames.at(-1);
      assert.equal(last.count, MARKED.length);
      assert.equal(last.visible, 3, 'vip, both and mixed are shown');
      assert.ok(frames.every((f) => f.status === 'known'), 'decided before the first frame');
    } finally {
      await context.close();
    }
  });

  test('control: without the helper the same recorder sees wrong-state frames (the check can fail)', async () => {
    pageRoute('/nohelper', { bootstrap: VISITOR, helper: false });
    const { context, frames } = await visit('/nohelper');
    await context.close();
    assert.ok(violations(frames).length > 0);
  });

  test('strict CSP (no inline styles allowed): hiding still works and nothing paints wrong', async () => {
    const csp = "default-src 'self'; script-src 'self' 'nonce-t3st'; style-src 'self'";
    pageRoute('/csp', { bootstrap: VISITOR, nonce: 't3st' }, { 'Content-Security-Policy': csp });
    const { context, frames, errors } = await visit('/csp');
    await context.close();
    assert.deepEqual(errors, []);
    assert.equal(frames.at(-1).status, 'known', 'the helper ran under the CSP');
    assert.deepEqual(violations(frames), []);
  });

  test('hostile bootstrap values stay data: no injected markup runs', async () => {
    pageRoute('/hostile', { bootstrap: VISITOR });
    const { context, page } = await visit('/hostile');
    const seen = await page.evaluate(() => ({ xss: window.__xss, name: window.lytics.fields.first_name, imgs: document.images.length }));
    await context.close();
    assert.deepEqual(seen, { xss: undefined, name: '<img src=x onerror="window.__xss=1">', imgs: 0 });
  });

  for (const [name, answer, timeout, expectStatus] of [
    ['fast profile (answers after 500 ms, wait up to 5 s)', { delay: 500, status: 200 }, 5000, 'known'],
    ['slow profile (answers after 20 s, wait up to 600 ms)', { delay: 20000, status: 200 }, 600, 'unavailable'],
    ['failing profile (HTTP 503 after 500 ms, wait up to 10 s)', { delay: 500, status: 503 }, 10000, 'unavailable'],
  ]) {
    test(`cached page, ${name}: hidden until the answer or the bounded wait, then ${expectStatus}`, async () => {
      const path = `/cached-${answer.delay}-${answer.status}`;
      let abortedBeforeAnswer = false;
      server.route(`${path}/profile`, (req, res) => {
        const timer = setTimeout(() => json(res, answer.status, answer.status === 200 ? { ...VISITOR, counted: false } : { error: 'down' }), answer.delay);
        res.on('close', () => {
          abortedBeforeAnswer = !res.writableEnded;
          clearTimeout(timer);
        });
      });
      pageRoute(path, { bootstrap: { v: 1, deferred: true, endpoints: { profile: `${path}/profile`, collect: '/ctx/lytics/collect' } }, timeout });
      // the answer may only come after a painted pending frame; the bounded wait ends pending on its own clock
      const gate = answer.delay < timeout ? `${path}/profile` : undefined;
      const { context, page, frames, errors } = await visit(path, { holdUntilPaintedPending: gate });
      // when the helper decided, counted from just after it started its bounded wait (both recorded by the page
      // itself: the time the test gets to ask comes after load and several frames, and says nothing of the helper)
      const decidedAfter = await page.evaluate(() => window.lytics.ready().then(() => window.__decidedAt - window.__recorderAt));
      await context.close();
      assert.deepEqual(errors, []);
      assert.deepEqual(violations(frames), []);
      assert.equal(frames.at(-1).status, expectStatus);
      assert.ok(frames.some((f) => f.status === 'pending' && f.count > 0), 'marked elements existed while the profile was pending (and were hidden)');
      assert.equal(frames.at(-1).visible, expectStatus === 'known' ? 3 : 2, 'final state: vip content, or the fallback');
      assert.ok(decidedAfter < Math.max(timeout, answer.delay), `decided ${Math.round(decidedAfter)} ms after the helper started waiting: without waiting for the slower of answer and bounded wait`);
      assert.equal(hits((r) => r.path === `${path}/profile`).length, 1);
      if (answer.delay > timeout) await server.waitFor(() => abortedBeforeAnswer);
    });
  }

  test('no bootstrap: the default /lytics/profile is asked', async () => {
    server.route('/lytics/profile', (req, res) => json(res, 200, { ...VISITOR, counted: false }));
    pageRoute('/nobootstrap', { bootstrap: null });
    const { context, frames } = await visit('/nobootstrap');
    await context.close();
    assert.equal(frames.at(-1).status, 'known');
    assert.deepEqual(violations(frames), []);
    assert.equal(hits((r) => r.path === '/lytics/profile').length, 1);
  });

  const BEACON_SPY = `<script>(() => {
    const real = navigator.sendBeacon.bind(navigator);
    window.__beacons = 0;
    navigator.sendBeacon = (...a) => { window.__beacons++; return real(...a); };
  })();</script>`;

  test('send(): navigator.sendBeacon carries the JSON event to /ctx/lytics/collect, also when the page unloads right after', async () => {
    pageRoute('/beacon', { bootstrap: VISITOR, extraHead: BEACON_SPY });
    const { context, page } = await visit('/beacon');
    const result = await page.evaluate(() => [window.lytics.send({ _e: 'signup', plan: 'pro' }), window.__beacons]);
    assert.deepEqual(result, ['sent', 1]);
    await page.evaluate(() => {
      window.lytics.send({ _e: 'leaving' });
      window.location.href = '/blank';
    });
    const got = await server.waitFor((rs) => {
      const c = rs.filter((r) => r.path === '/ctx/lytics/collect');
      return c.some((r) => r.body.includes('"leaving"')) && c.some((r) => r.body.includes('"signup"')) && c;
    });
    await context.close();
    const signup = got.find((r) => r.body.includes('"signup"'));
    assert.equal(signup.method, 'POST');
    assert.match(signup.headers['content-type'], /^application\/json/);
    const body = JSON.parse(signup.body);
    assert.equal(body._e, 'signup');
    assert.equal(body.plan, 'pro');
    assert.equal(body._pvid, 'pv-6f1c');
  });

  test('send(): without navigator.sendBeacon, fetch keepalive delivers the event', async () => {
    pageRoute('/nobeacon', { bootstrap: VISITOR, extraHead: '<script>navigator.sendBeacon = undefined;</script>' });
    const { context, page } = await visit('/nobeacon');
    assert.equal(await page.evaluate(() => window.lytics.send({ _e: 'via-fetch' })), 'sent');
    const [hit] = await server.waitFor((rs) => {
      const c = rs.filter((r) => r.path === '/ctx/lytics/collect' && r.body.includes('"via-fetch"'));
      return c.length && c;
    });
    await context.close();
    assert.match(hit.headers['content-type'], /^application\/json/);
  });

  test('consent pending: events wait; refused ones never leave; granted ones arrive in order', async () => {
    pageRoute('/consent', { bootstrap: { ...VISITOR, consent: 'pending' } });
    const { context, page } = await visit('/consent');
    const results = await page.evaluate(() => {
      const l = window.lytics;
      const r = [l.send({ _e: 'c-refused-1' }), l.send({ _e: 'c-refused-2' })];
      l.consent(false);
      r.push(l.send({ _e: 'c-refused-3' }));
      return r;
    });
    assert.deepEqual(results, ['queued', 'queued', 'dropped']);
    const later = await page.evaluate(() => {
      const l = window.lytics;
      l.consent(true);
      return [l.send({ _e: 'c-granted-1' }), l.send({ _e: 'c-granted-2' })];
    });
    assert.deepEqual(later, ['sent', 'sent']);
    await server.waitFor((rs) => rs.filter((r) => r.body.includes('c-granted-')).length === 2);
    await context.close();
    assert.deepEqual(hits((r) => r.body.includes('c-refused')), [], 'refused events were never sent');
    const pendingPage = await browser.newContext();
    try {
      pageRoute('/consent2', { bootstrap: { ...VISITOR, consent: 'pending' } });
      const p = await pendingPage.newPage();
      await p.goto(server.url + '/consent2');
      assert.deepEqual(await p.evaluate(() => [window.lytics.send({ _e: 'c-wait-1' }), window.lytics.send({ _e: 'c-wait-2' })]), ['queued', 'queued']);
      await p.evaluate(() => window.lytics.consent(true));
      const arrived = await server.waitFor((rs) => {
        const w = rs.filter((r) => r.body.includes('c-wait-'));
        return w.length === 2 && w;
      });
      assert.deepEqual(arrived.map((r) => JSON.parse(r.body)._e), ['c-wait-1', 'c-wait-2']);
    } finally {
      await pendingPage.close();
    }
  });

  // The official tag (loader, stand-in library, one page view in total, cookies): official-tag.browser.test.mjs.

  test('ES module build: importing it gives the same window.lytics', async () => {
    pageRoute('/module', { bootstrap: VISITOR, helper: 'module' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + '/module', { waitUntil: 'load' });
    const same = await page.evaluate(async () => {
      const m = await import('/ctx/lytics/lytics-helper.mjs');
      return m.lytics === window.lytics && window.lytics.inSegment('vip') && typeof m.install === 'function';
    });
    await context.close();
    assert.equal(same, true);
  });
});
