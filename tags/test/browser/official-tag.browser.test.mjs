// The official Lytics tag in headless Chromium, loaded by the page's own loader (the element
// lytics-servlet's HeadMarkup writes, with the built dist/lytics-tag-loader.js) after the built
// helper, with a stand-in of the downloaded library that installs itself, writes its cookie and
// sends as Lytics' jstag 3 does (test-support/browser/jstag3.mjs, which cites the jstag sources).
//
// The Node server plays the lytics-servlet side: a page-view forward per counted page
// (`forwarded`), the visitor cookie as io.lytx.servlet.internal.identity.IdentityCookie writes it
// (`seerid=<id>; Path=/; Max-Age=31536000; SameSite=Lax`, host-only), ids accepted in the formats
// io.lytx.servlet.internal.identity.VisitorIds accepts, and `/lytics/profile` counting a cached page's view.
// It also plays Lytics' collector `/c/{cid}`, where the tag's GIF requests arrive. Pages are served
// on a real host name (www.shop.test, mapped to 127.0.0.1 by Chromium's host resolver) and below `/`.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { startServer, json } from '../../test-support/server.mjs';
import { distFile, head, loaderElement } from '../../test-support/browser/pages.mjs';
import { jstag3Library, jstagUid } from '../../test-support/browser/jstag3.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HOST = 'www.shop.test';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', `--host-resolver-rules=MAP ${HOST} 127.0.0.1`];
const YEAR_S = 365 * 24 * 3600;
const DAYS_90_S = 90 * 24 * 3600;
const ID_FORMATS = [/^u_\d{1,20}$/, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, /^1?\d{5}\.\d{1,20}$/];
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

let server;
let browser;
let base;
const forwarded = []; // page views the "server" forwarded: { uid, path }

/**
 * The visitor id of the request's cookie `name`, or a new one set as IdentityCookie does
 * (`domain`: the `Domain` attribute of `lytics.cookie.domain`, else host-only).
 */
function visitor(req, res, { name = 'seerid', domain } = {}) {
  const m = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(req.headers.cookie || '');
  if (m && ID_FORMATS.some((f) => f.test(m[1]))) return m[1];
  const id = randomUUID();
  res.setHeader('Set-Cookie', `${name}=${id}; Path=/; Max-Age=${YEAR_S}${domain ? '; Domain=' + domain : ''}; SameSite=Lax`);
  return id;
}

const endpoints = (profile) => ({ profile, collect: '/ctx/lytics/collect' });
const bootstrapFor = (id, counted, cookie = 'seerid') => ({
  v: 1, visitorId: id, status: 'new', segments: ['all'], fields: {}, recommendations: [], pvid: 'pv-' + randomUUID(),
  counted, consent: 'not-required', endpoints: endpoints('/ctx/lytics/profile'), tag: { cookie },
});

function page(res, bootstrap, { extraHead = '', cache = 'no-store', cookie = 'seerid', after = '', src = '/api/tag/acc1/latest.min.js' } = {}) {
  const html = head({ bootstrap, extraHead: extraHead + loaderElement({ src, cookie }) + after })
    + '<p>article</p></body></html>';
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': cache });
  res.end(html);
}

/** Disables the loader's cookie guard (it leaves a document with its own `cookie` property alone). */
const NO_GUARD = `<script>Object.defineProperty(document, 'cookie', Object.getOwnPropertyDescriptor(Document.prototype, 'cookie'));</script>`;

const tagHits = (pred) => server.requests.filter((r) => r.path === '/c/acc1' && pred(r.query));

/**
 * Opens `path`, waits until the tag is initialized and the helper decided, then sends a marker
 * event through the tag and waits for it at the collector: everything the tag sent for this page
 * before the marker has arrived by then (one visitor, one tag instance, requests in order).
 */
async function visit(path, { cookies = [], beforeMarker } = {}) {
  const context = await browser.newContext();
  if (cookies.length) await context.addCookies(cookies);
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(base + path, { waitUntil: 'load' });
  await p.waitForFunction(() => window.jstag && window.jstag.isLoaded === true);
  await p.evaluate(() => window.lytics.ready().then(() => undefined));
  if (beforeMarker) await beforeMarker(p);
  const marker = randomUUID();
  await p.evaluate((m) => window.jstag.send({ _e: 'marker', m }), marker);
  const [hit] = await server.waitFor(() => {
    const h = tagHits((q) => q.get('m') === marker);
    return h.length && h;
  });
  const state = await p.evaluate(() => ({
    samePatchedObject: window.jstag === window.__lytics__jstag__,
    isLoaded: window.jstag.isLoaded,
    cookie: window.jstag.config.cookie,
    loadid: window.jstag.config.loadid,
    visitorId: window.lytics.visitorId,
  }));
  const all = await context.cookies(); // every path and domain
  const seerids = all.filter((c) => c.name === 'seerid');
  const lyids = all.filter((c) => c.name === 'lyid');
  await context.close();
  return { errors, marker: hit.query, state, seerids, lyids };
}

/** Page views for `uid` in total: forwarded by the server plus sent by the tag. */
const pageViews = (uid) => ({
  server: forwarded.filter((f) => f.uid === uid).length,
  tag: tagHits((q) => q.get('_e') === 'pv' && q.get('_uid') === uid).length,
});

describe('official Lytics tag through the page loader, in headless Chromium', { skip: !existsSync(CHROMIUM) && `${CHROMIUM} absent` }, () => {
  before(async () => {
    const { chromium } = await import('playwright-core');
    server = await startServer({
      '/ctx/lytics/lytics-helper.js': (req, res) => res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(distFile('lytics-helper.js')),
      '/ctx/lytics/collect': (req, res) => res.writeHead(204).end(),
      '/api/tag/acc1/latest.min.js': (req, res) => res.writeHead(200, { 'Content-Type': 'text/javascript' })
        .end(jstag3Library({ cid: 'acc1', url: `//${HOST}:${new URL(base).port}` })),
      '/api/tag/acc302/latest.min.js': (req, res) => res.writeHead(200, { 'Content-Type': 'text/javascript' })
        .end(jstag3Library({ cid: 'acc1', url: `//${HOST}:${new URL(base).port}`, blockedKey: false })),
      '/c/acc1': (req, res) => res.writeHead(200, { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' }).end(GIF),
      // a normal page, its view forwarded by the server (counted: true)
      '/shop/item': (req, res, body, url) => {
        const id = visitor(req, res);
        forwarded.push({ uid: id, path: url.pathname });
        page(res, bootstrapFor(id, true), { extraHead: url.searchParams.has('noguard') ? NO_GUARD : '' });
      },
      // lytics.cookie.domain=shop.test: the server's cookie is a domain cookie for the site
      '/shop/domain-item': (req, res, body, url) => {
        const id = visitor(req, res, { domain: 'shop.test' });
        forwarded.push({ uid: id, path: url.pathname });
        page(res, bootstrapFor(id, true));
      },
      // lytics.cookie.name=lyid: the tag is told to use the server's cookie, whatever its name
      '/shop/lyid-item': (req, res, body, url) => {
        const id = visitor(req, res, { name: 'lyid' });
        forwarded.push({ uid: id, path: url.pathname });
        page(res, bootstrapFor(id, true, 'lyid'), { cookie: 'lyid' });
      },
      // a normal page of a server with forwarding off (counted: false)
      '/shop/uncounted': (req, res) => page(res, bootstrapFor(visitor(req, res), false)),
      // consent pending: the server forwards nothing, the helper blocks the tag
      '/shop/consent': (req, res) => page(res, { ...bootstrapFor(visitor(req, res), false), consent: 'pending' }),
      // cached HTML (<lytics:head deferred="true"/>): no cookie, no id; the profile answer counts it
      '/shop/cached': (req, res) => page(res, { v: 1, deferred: true, endpoints: endpoints('/ctx/lytics/profile'), tag: { cookie: 'seerid' } }, { cache: 'public, max-age=600' }),
      // cached HTML whose own script sends through the tag at once, for a visitor the profile answer sees
      // first; the tag is 3.0.2 exactly (no `blocked` key: the helper's consent hold does not stop it)
      '/shop/cached-early': (req, res) => page(res, { v: 1, deferred: true, timeout: 5000, endpoints: endpoints('/ctx/lytics/profile-slow'), tag: { cookie: 'seerid' } },
        { cache: 'public, max-age=600', after: "<script>jstag.send({ _e: 'early' });</script>", src: '/api/tag/acc302/latest.min.js' }),
      '/ctx/lytics/profile-slow': (req, res) => {
        const id = visitor(req, res);
        setTimeout(() => json(res, 200, bootstrapFor(id, false)), 1500);
      },
      '/shop/cached-nocount': (req, res) => page(res, { v: 1, deferred: true, endpoints: endpoints('/ctx/lytics/profile-nocount'), tag: { cookie: 'seerid' } }, { cache: 'public, max-age=600' }),
      '/ctx/lytics/profile': (req, res) => {
        const id = visitor(req, res);
        const counted = new URL(req.headers.referer || 'about:blank').origin === base;
        if (counted) forwarded.push({ uid: id, path: new URL(req.headers.referer).pathname });
        json(res, 200, bootstrapFor(id, counted));
      },
      '/ctx/lytics/profile-nocount': (req, res) => json(res, 200, bootstrapFor(visitor(req, res), false)),
      // a library that installs a NEW window.jstag instead of patching the install's object
      '/api/tag/other/latest.min.js': (req, res) => res.writeHead(200, { 'Content-Type': 'text/javascript' })
        .end('window.jstag = { init: function () { window.__replacedInit = true; }, pageView: function () {} };'),
      '/shop/replaced': (req, res) => {
        const html = head({ bootstrap: bootstrapFor(visitor(req, res), true), extraHead: loaderElement({ src: '/api/tag/other/latest.min.js' }) });
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html + '</body></html>');
      },
    });
    base = `http://${HOST}:${new URL(server.url).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
  });

  test('normal page, view forwarded by the server: the tag initializes in place, uses the server id, sends no page view (1 in total)', async () => {
    const { errors, marker, state } = await visit('/shop/item');
    assert.deepEqual(errors, []);
    assert.deepEqual(state, { samePatchedObject: true, isLoaded: true, cookie: 'seerid', loadid: false, visitorId: state.visitorId });
    assert.equal(marker.get('_uid'), state.visitorId, "the tag's events carry the server's id (cookie seerid)");
    assert.equal(marker.get('_getid'), null, 'the id came from the cookie, not minted by the tag');
    assert.deepEqual(pageViews(state.visitorId), { server: 1, tag: 0 });
  });

  test('normal page, server not forwarding (counted: false): the tag sends the one page view, with the server id', async () => {
    const { errors, state } = await visit('/shop/uncounted');
    assert.deepEqual(errors, []);
    assert.equal(state.isLoaded, true);
    assert.deepEqual(pageViews(state.visitorId), { server: 0, tag: 1 });
  });

  test('cached page, view counted by the profile answer: the tag sends none (1 in total), with the id the profile set', async () => {
    const { errors, marker, state } = await visit('/shop/cached');
    assert.deepEqual(errors, []);
    assert.ok(state.visitorId, 'decided from /lytics/profile');
    assert.equal(marker.get('_uid'), state.visitorId);
    assert.deepEqual(pageViews(state.visitorId), { server: 1, tag: 0 });
  });

  test('cached page, profile not counting: the tag sends the one page view (after the profile set the cookie)', async () => {
    const { errors, state } = await visit('/shop/cached-nocount');
    assert.deepEqual(errors, []);
    assert.deepEqual(pageViews(state.visitorId), { server: 0, tag: 1 });
  });

  test('cached page, new visitor, a 3.0.2 tag and a send before the profile answered: the library loads after it, every event and the one seerid carry the server id', async () => {
    const { state, seerids } = await visit('/shop/cached-early');
    const early = tagHits((q) => q.get('_e') === 'early');
    assert.equal(early.length, 1);
    assert.equal(early[0].query.get('_uid'), state.visitorId, 'not an id the tag minted (util/uid.js) before the server set its cookie');
    assert.equal(early[0].query.get('_getid'), null);
    assert.deepEqual(seerids.map((c) => [c.value, c.domain, c.path]), [[state.visitorId, HOST, '/']]);
  });

  test('consent pending: the tag is blocked, nothing leaves until lytics.consent(true), then its page view does', async () => {
    let before;
    const { state } = await visit('/shop/consent', {
      beforeMarker: async (p) => {
        const id = await p.evaluate(() => window.lytics.visitorId);
        before = pageViews(id);
        await p.evaluate(() => window.lytics.consent(true));
      },
    });
    assert.deepEqual(before, { server: 0, tag: 0 }, 'nothing sent while consent was pending');
    assert.deepEqual(pageViews(state.visitorId), { server: 0, tag: 1 });
  });

  test('after the tag ran on a page below /: one seerid, the server\'s, with the expiry the server set', async () => {
    const { seerids, state } = await visit('/shop/item');
    const now = Date.now() / 1000;
    assert.equal(seerids.length, 1, JSON.stringify(seerids));
    const [c] = seerids;
    assert.equal(c.value, state.visitorId);
    assert.deepEqual([c.domain, c.path], [HOST, '/'], 'host-only, Path=/: the server\'s cookie');
    assert.ok(Math.abs(c.expires - (now + YEAR_S)) < 600, `expires ${new Date(c.expires * 1000).toISOString()}: the server's 365 days`);
  });

  test('control: with the loader\'s cookie guard disabled, the tag leaves a second seerid (domain=host, page directory, 90 days)', async () => {
    const { seerids, state } = await visit('/shop/item?noguard');
    const now = Date.now() / 1000;
    assert.equal(seerids.length, 2, JSON.stringify(seerids));
    const written = seerids.find((c) => c.domain === '.' + HOST);
    assert.ok(written, 'the tag wrote its own cookie');
    assert.equal(written.path, '/shop');
    assert.equal(written.value, state.visitorId);
    assert.ok(Math.abs(written.expires - (now + DAYS_90_S)) < 600, 'cookie/set.js: 90 days');
  });

  test('server cookie for the whole site (lytics.cookie.domain): still one seerid after the tag, the server\'s', async () => {
    const { seerids, state } = await visit('/shop/domain-item');
    assert.deepEqual(seerids.map((c) => [c.value, c.domain, c.path]), [[state.visitorId, '.shop.test', '/']]);
    assert.ok(Math.abs(seerids[0].expires - (Date.now() / 1000 + YEAR_S)) < 600, 'the server\'s 365 days');
  });

  test('another cookie name (lytics.cookie.name=lyid): the tag reads and names it, leaves one lyid, ignores a stray seerid', async () => {
    const stray = jstagUid();
    const { marker, state, lyids, seerids } = await visit('/shop/lyid-item', {
      cookies: [{ name: 'seerid', value: stray, domain: '.' + HOST, path: '/', expires: Math.round(Date.now() / 1000) + DAYS_90_S }],
    });
    assert.equal(state.cookie, 'lyid');
    assert.equal(marker.get('_uid'), state.visitorId, 'the server\'s id, not the stray seerid');
    assert.equal(marker.get('_uidn'), 'lyid', 'send-message.js names a cookie other than seerid in _uidn');
    assert.deepEqual(lyids.map((c) => [c.value, c.domain, c.path]), [[state.visitorId, HOST, '/']]);
    assert.deepEqual(seerids.map((c) => c.value), [stray], 'the stray cookie is left alone');
    assert.deepEqual(pageViews(state.visitorId), { server: 1, tag: 0 });
  });

  test('a visitor arriving with an id the tag minted (util/uid.js format) keeps it; still one seerid', async () => {
    const id = jstagUid();
    const expires = Math.round(Date.now() / 1000) + DAYS_90_S;
    // as cookie/set.js wrote it on an earlier visit: domain=<host>, written at /, 90 days
    const { marker, state, seerids } = await visit('/shop/item', {
      cookies: [{ name: 'seerid', value: id, domain: '.' + HOST, path: '/', expires, sameSite: 'Lax' }],
    });
    assert.equal(state.visitorId, id, 'the server accepted the id');
    assert.equal(marker.get('_uid'), id);
    assert.deepEqual(seerids.map((c) => [c.value, c.domain, c.path, Math.round(c.expires)]), [[id, '.' + HOST, '/', expires]]);
    assert.deepEqual(pageViews(id), { server: 1, tag: 0 });
  });

  test('the cookie guard drops only repeats of the tag cookie\'s value: other cookies, new values and deletions pass', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(base + '/shop/item', { waitUntil: 'load' });
    await p.waitForFunction(() => window.jstag && window.jstag.isLoaded === true);
    const seen = await p.evaluate(() => {
      const id = /(?:^|; )seerid=([^;]+)/.exec(document.cookie)[1];
      const count = () => document.cookie.split('; ').filter((c) => c.startsWith('seerid=')).length;
      const out = {};
      document.cookie = `seerid=${id}; path=/shop; max-age=60`; // a repeat, as the tag writes it: dropped
      out.afterRepeat = count();
      document.cookie = 'other=1; path=/';
      out.other = /(?:^|; )other=1/.test(document.cookie);
      document.cookie = 'seerid=u_42; path=/shop; max-age=60'; // a different value: passes
      out.afterNewValue = count();
      document.cookie = 'seerid=; path=/shop; max-age=0'; // a deletion: passes
      out.afterDeletion = count();
      return out;
    });
    await context.close();
    assert.deepEqual(seen, { afterRepeat: 1, other: true, afterNewValue: 2, afterDeletion: 1 });
  });

  test('a library that replaces window.jstag instead of patching it is a load error, as in Lytics\' snippet', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    const error = p.waitForEvent('pageerror');
    await p.goto(base + '/shop/replaced', { waitUntil: 'load' });
    const message = String(await error);
    const replacedInitRan = await p.evaluate(() => window.__replacedInit === true);
    await context.close();
    assert.match(message, /did not install jstag\.init/);
    assert.equal(replacedInitRan, false, 'the config is not handed to an object the install did not create');
  });
});
