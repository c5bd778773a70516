// window.lytics end to end in a small fake DOM, against a real HTTP server on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { install } from '../src/install.js';
import { HIDE_CSS } from '../src/dom.js';
import { fakeWindow, h } from '../test-support/fake-dom.mjs';
import { startServer, json } from '../test-support/server.mjs';

let server;
before(async () => {
  server = await startServer({
    '/ctx/lytics/collect': (req, res) => res.writeHead(204).end(),
    '/lytics/collect': (req, res) => res.writeHead(204).end(),
  });
});
after(() => server.close());

const VIP = { v: 1, visitorId: 'u_1', status: 'known', segments: ['all', 'vip'], fields: { first_name: 'Ada' }, pvid: 'pv-9', counted: true, consent: 'granted' };
/** A fresh page with the given bootstrap (object, raw string, or undefined for none). */
function page(bootstrap, { timeout, nonce, beacon = true } = {}) {
  const win = fakeWindow(`${server.url}/page`, { beacon });
  const doc = win.document;
  if (bootstrap !== undefined) {
    const raw = typeof bootstrap === 'string' ? bootstrap : JSON.stringify(bootstrap);
    doc.head.appendChild(h(doc, 'script', { type: 'application/json', id: 'lytics-bootstrap' }, raw));
  }
  const attrs = { src: '/lytics/lytics-helper.js' };
  if (timeout !== undefined) attrs['data-lytics-timeout'] = timeout;
  if (nonce) attrs.nonce = nonce;
  doc.currentScript = doc.head.appendChild(h(doc, 'script', attrs));
  return { win, doc };
}
const flush = () => new Promise((r) => setImmediate(r));
const marked = (doc) => ({
  vip: doc.body.appendChild(h(doc, 'div', { 'data-lytics-segment': 'vip' }, 'VIP offer')),
  notVip: doc.body.appendChild(h(doc, 'div', { 'data-lytics-unless': 'vip' }, 'Join the club')),
  gold: doc.body.appendChild(h(doc, 'div', { 'data-lytics-segment': 'gold' }, 'Gold')),
});
const states = (els) => Object.fromEntries(Object.entries(els).map(([k, el]) => [k, el.getAttribute('data-lytics-state')]));

test('inline bootstrap: window.lytics is populated synchronously', () => {
  const { win } = page(VIP);
  const api = install(win);
  assert.equal(win.lytics, api);
  assert.equal(api.visitorId, 'u_1');
  assert.equal(api.status, 'known');
  assert.deepEqual([...api.segments], ['all', 'vip']);
  assert.equal(api.fields.first_name, 'Ada');
  assert.equal(api.inSegment('vip'), true);
  assert.equal(api.inSegment('gold'), false);
  assert.equal(api.pvid, 'pv-9');
  assert.equal(api.counted, true);
  assert.equal(api.consentState, 'granted');
  assert.equal(install(win), api, 'a second install returns the same object');
});

test('inline bootstrap: the hiding style is added (with the script nonce) and elements are decided in the observer microtask', async () => {
  const { win, doc } = page(VIP, { nonce: 'n0nce' });
  install(win);
  const style = doc.head.querySelectorAll('style[nonce]')[0];
  assert.ok(style, 'a <style> with the nonce is in <head>');
  assert.equal(style.getAttribute('nonce'), 'n0nce');
  assert.equal(style.textContent, HIDE_CSS);
  const els = marked(doc);
  assert.deepEqual(states(els), { vip: null, notVip: null, gold: null }, 'not decided synchronously: the CSS keeps them hidden');
  await Promise.resolve();
  assert.deepEqual(states(els), { vip: 'shown', notVip: 'hidden', gold: 'hidden' });
});

test('inline bootstrap: nested marked elements and later attribute changes are decided', async () => {
  const { win, doc } = page(VIP);
  install(win);
  const inner = h(doc, 'span', { 'data-lytics-segment': 'all:vip,all' }, 'both');
  doc.body.appendChild(h(doc, 'section', {}, inner));
  await flush();
  assert.equal(inner.getAttribute('data-lytics-state'), 'shown');
  inner.setAttribute('data-lytics-segment', 'gold');
  await flush();
  assert.equal(inner.getAttribute('data-lytics-state'), 'hidden');
});

test('ready(cb) calls back asynchronously with window.lytics; ready() returns a promise', async () => {
  const { win } = page(VIP);
  const api = install(win);
  let got = null;
  api.ready((l) => {
    got = l;
  });
  assert.equal(got, null, 'callbacks never run synchronously');
  assert.equal(await api.ready(), api);
  assert.equal(got, api);
});

test('deferred bootstrap: elements stay undecided until the profile endpoint answers, then follow it', async () => {
  let answer;
  const { win, doc } = page({ v: 1, deferred: true, endpoints: { profile: '/pp1/profile', collect: '/pp1/collect' } });
  server.route('/pp1/profile', (req, res) => {
    answer = () => json(res, 200, { ...VIP, counted: false });
  });
  const api = install(win);
  assert.equal(api.status, 'pending');
  const els = marked(doc);
  const [req] = await server.waitFor((rs) => rs.filter((r) => r.path === '/pp1/profile').length && rs.filter((r) => r.path === '/pp1/profile'));
  assert.match(req.headers.accept, /application\/json/);
  await flush();
  assert.deepEqual(states(els), { vip: null, notVip: null, gold: null }, 'still hidden while the profile is pending');
  answer();
  await api.ready();
  await flush();
  assert.deepEqual(states(els), { vip: 'shown', notVip: 'hidden', gold: 'hidden' });
  assert.equal(api.status, 'known');
  assert.equal(api.counted, false);
});

test('deferred bootstrap with a slow profile: after data-lytics-timeout the fallback shows and the request is aborted', async () => {
  let aborted = false;
  server.route('/pp2/profile', (req, res) => {
    res.on('close', () => {
      aborted = !res.writableEnded;
    });
  });
  const { win, doc } = page({ v: 1, deferred: true, endpoints: { profile: '/pp2/profile' } }, { timeout: '80' });
  const started = Date.now();
  const api = install(win);
  const els = marked(doc);
  await api.ready();
  const waited = Date.now() - started;
  assert.ok(waited >= 70, `decided after ${waited} ms; must wait about the 80 ms timeout`);
  await flush();
  assert.equal(api.status, 'unavailable');
  assert.deepEqual([...api.segments], []);
  assert.deepEqual(states(els), { vip: 'hidden', notVip: 'shown', gold: 'hidden' }, 'fallback: unless-content shows');
  await server.waitFor(() => aborted);
});

test('deferred bootstrap with a failing profile (HTTP 500): the fallback shows without waiting for the timeout', async () => {
  server.route('/pp3/profile', (req, res) => json(res, 500, { error: 'boom' }));
  const { win, doc } = page({ v: 1, deferred: true, timeout: 5000, endpoints: { profile: '/pp3/profile' } });
  const started = Date.now();
  const api = install(win);
  const els = marked(doc);
  await api.ready();
  assert.ok(Date.now() - started < 5000);
  await flush();
  assert.equal(api.status, 'unavailable');
  assert.deepEqual(states(els), { vip: 'hidden', notVip: 'shown', gold: 'hidden' });
});

test('bad input: a profile answer that is not an object ("[1]") or again deferred counts as a failure', async () => {
  server.route('/pp4/profile', (req, res) => json(res, 200, [1]));
  const a = page({ v: 1, deferred: true, endpoints: { profile: '/pp4/profile' } });
  assert.equal((await install(a.win).ready()).status, 'unavailable');
  server.route('/pp5/profile', (req, res) => json(res, 200, { v: 1, deferred: true, status: 'known' }));
  const b = page({ v: 1, deferred: true, endpoints: { profile: '/pp5/profile' } });
  assert.equal((await install(b.win).ready()).status, 'unavailable');
});

test('no bootstrap: the default /lytics/profile is fetched', async () => {
  server.route('/lytics/profile', (req, res) => json(res, 200, { ...VIP, segments: ['gold'] }));
  const { win } = page(undefined);
  const api = install(win);
  await api.ready();
  assert.equal(api.inSegment('gold'), true);
  assert.ok(server.requests.some((r) => r.path === '/lytics/profile'));
});

test('bad input: an unparsable bootstrap ("{") is treated as absent and the profile endpoint decides', async () => {
  const { win } = page('{');
  const api = install(win);
  await api.ready();
  assert.equal(api.inSegment('gold'), true);
});

test('send(): a beacon with the JSON event reaches the collect endpoint', async () => {
  const { win } = page({ ...VIP, endpoints: { collect: '/ctx/lytics/collect' } });
  const api = install(win);
  assert.equal(api.send({ _e: 'signup', plan: 'pro' }), 'sent');
  const [hit] = await server.waitFor((rs) => {
    const found = rs.filter((r) => r.path === '/ctx/lytics/collect' && r.body.includes('signup'));
    return found.length && found;
  });
  assert.equal(hit.method, 'POST');
  assert.match(hit.headers['content-type'], /^application\/json/);
  const body = JSON.parse(hit.body);
  assert.equal(body._e, 'signup');
  assert.equal(body.plan, 'pro');
  assert.equal(body._pvid, 'pv-9');
  assert.equal(win.beacons.length, 1, 'sent by navigator.sendBeacon');
});

test('send(): without sendBeacon, fetch with keepalive delivers the event', async () => {
  const { win } = page(VIP, { beacon: false });
  const api = install(win);
  assert.equal(api.send({ _e: 'nobeacon' }), 'sent');
  const [hit] = await server.waitFor((rs) => {
    const found = rs.filter((r) => r.path === '/lytics/collect' && r.body.includes('nobeacon'));
    return found.length && found;
  });
  assert.match(hit.headers['content-type'], /^application\/json/);
});

test('consent pending: events queue until consent(true), then reach the server in order', async () => {
  const { win } = page({ ...VIP, consent: 'pending', endpoints: { collect: '/ctx/lytics/collect' } });
  const api = install(win);
  assert.equal(api.send({ _e: 'q1' }), 'queued');
  assert.equal(api.send({ _e: 'q2' }), 'queued');
  assert.equal(win.beacons.length, 0, 'nothing sent before consent');
  api.consent(true);
  assert.equal(api.consentState, 'granted');
  assert.equal(win.beacons.length, 2);
  await server.waitFor((rs) => rs.filter((r) => /"_e":"q[12]"/.test(r.body)).length === 2);
});

test('consent refused: queued events are discarded and nothing is ever sent', async () => {
  const { win } = page({ ...VIP, consent: 'pending' });
  const api = install(win);
  api.send({ _e: 'discard-me' });
  api.consent(false);
  assert.equal(api.send({ _e: 'discard-me-too' }), 'dropped');
  assert.equal(win.beacons.length, 0);
});

test('hostile bootstrap values are data only: the helper creates no element other than its style', async () => {
  const { win, doc } = page({
    ...VIP,
    fields: { first_name: '<img src=x onerror=alert(1)>' },
    segments: ['<script>alert(1)</script>'],
  });
  const before = new Set(doc.documentElement.descendants());
  const api = install(win);
  await api.ready();
  const created = [...doc.documentElement.descendants()].filter((e) => !before.has(e));
  assert.deepEqual(created.map((e) => e.tagName), ['STYLE']);
  assert.equal(api.fields.first_name, '<img src=x onerror=alert(1)>');
});
