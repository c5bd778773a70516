import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bridgeTag, applyTagConfig } from '../src/jstag.js';

// A small model of the official v3 install (the browser tests run the real page loader with a
// fuller stand-in, test-support/browser/jstag3.mjs): a `window.jstag` object whose stub methods
// queue calls, and an init that stores `config` (lytics/wordpress-core
// src/public/js/lytics-tag-install.js); `load()` plays the downloaded library, which replaces the
// methods on the same object (bechirsegni/jstag src/rollup/io.js), reads `config`, sends nothing
// by itself, and the queue is replayed.
function officialSnippet(win) {
  const tag = win.jstag || (win.jstag = {});
  let queue = [];
  for (const m of ['send', 'pageView', 'unblock']) tag[m] = (...args) => queue.push([m, args]);
  tag.init = function (cfg) {
    this.config = cfg;
    return this;
  };
  const sent = [];
  const load = () => {
    const t = win.jstag;
    let blocked = !!t.config.blocked;
    const held = [];
    const out = (m) => (blocked ? held.push(m) : sent.push(m));
    t.pageView = () => out({ _e: 'pv', uidCookie: t.config.cookie });
    t.send = (d) => out(d);
    t.unblock = () => {
      blocked = false;
      held.splice(0).forEach((m) => sent.push(m));
    };
    const q = queue;
    queue = [];
    for (const [m, a] of q) t[m](...a);
  };
  return { sent, load };
}

function setup({ counted, decided = true, blocked = false }) {
  const win = {};
  const state = { cookie: 'lyid', counted: decided ? counted : undefined, blocked };
  const waiting = [];
  const whenDecided = (cb) => (state.counted === undefined ? waiting.push(cb) : cb());
  const bridge = bridgeTag(win, () => state, whenDecided);
  const decide = (c) => {
    state.counted = c;
    waiting.splice(0).forEach((cb) => cb());
  };
  return { win, state, bridge, decide };
}

const pageViews = (sent) => sent.filter((m) => m._e === 'pv');

test('counted by the server: the canonical install (init + pageView) sends no page view', () => {
  const { win } = setup({ counted: true });
  const snippet = officialSnippet(win);
  win.jstag.init({ src: 'x', pageAnalysis: { dataLayerPull: { disabled: true } } });
  win.jstag.pageView();
  snippet.load();
  assert.equal(pageViews(snippet.sent).length, 0);
  win.jstag.pageView();
  assert.equal(pageViews(snippet.sent).length, 1, 'a later pageView (e.g. SPA navigation) still goes out');
});

test('not counted by the server: exactly one page view goes through the tag', () => {
  const { win } = setup({ counted: false });
  const snippet = officialSnippet(win);
  win.jstag.init({ src: 'x', pageAnalysis: { dataLayerPull: { disabled: true } } });
  win.jstag.pageView();
  snippet.load();
  assert.equal(pageViews(snippet.sent).length, 1);
});

test('the tag is told the server cookie name and not to load a third-party id', () => {
  const { win } = setup({ counted: false });
  const snippet = officialSnippet(win);
  win.jstag.init({ src: 'x', cookie: 'seerid', loadid: true, pageAnalysis: { dataLayerPull: { disabled: true } } });
  win.jstag.pageView();
  snippet.load();
  assert.equal(win.jstag.config.cookie, 'lyid');
  assert.equal(win.jstag.config.loadid, false);
  assert.equal(pageViews(snippet.sent)[0].uidCookie, 'lyid');
});

test('undecided (cached page): the first pageView waits for the profile, then is dropped if counted', () => {
  const { win, decide } = setup({ decided: false });
  const snippet = officialSnippet(win);
  win.jstag.init({ src: 'x', pageAnalysis: { dataLayerPull: { disabled: true } } });
  win.jstag.pageView();
  snippet.load();
  assert.equal(pageViews(snippet.sent).length, 0, 'nothing before the decision');
  decide(true);
  assert.equal(pageViews(snippet.sent).length, 0);
});

test('undecided (cached page): the held pageView is forwarded when the server did not count', () => {
  const { win, decide } = setup({ decided: false });
  const snippet = officialSnippet(win);
  win.jstag.init({ src: 'x', pageAnalysis: { dataLayerPull: { disabled: true } } });
  win.jstag.pageView();
  snippet.load();
  decide(false);
  assert.equal(pageViews(snippet.sent).length, 1);
});

test('consent missing: the tag is blocked; unblock() releases what it held', () => {
  const { win, state, bridge } = setup({ counted: false, blocked: true });
  const snippet = officialSnippet(win);
  win.jstag.init({ src: 'x', pageAnalysis: { dataLayerPull: { disabled: true } } });
  win.jstag.pageView();
  snippet.load();
  win.jstag.send({ _e: 'click' });
  assert.equal(snippet.sent.length, 0);
  state.blocked = false;
  bridge.unblock();
  assert.equal(snippet.sent.length, 2);
});

test('a tag object that exists before the helper is hooked too', () => {
  const win = { jstag: {} };
  const snippet = officialSnippet(win);
  bridgeTag(win, () => ({ cookie: 'seerid', counted: true, blocked: false }), (cb) => cb());
  win.jstag.init({ src: 'x' });
  win.jstag.pageView();
  snippet.load();
  assert.equal(pageViews(snippet.sent).length, 0);
});

test('applyTagConfig is idempotent and keeps other keys', () => {
  const cfg = { src: 's', pageAnalysis: { dataLayerPull: { customKeys: ['k'] } }, send: { x: 1 } };
  const s = { cookie: 'c', counted: true, blocked: false };
  applyTagConfig(applyTagConfig(cfg, s), s);
  assert.deepEqual(cfg, {
    src: 's', cookie: 'c', loadid: false,
    pageAnalysis: { dataLayerPull: { customKeys: ['k'], disabled: true } },
    send: { x: 1, pageViewOnFirst: false },
  });
});

test('a pageView reference taken before the library replaced it calls the current implementation', () => {
  const { win } = setup({ counted: true });
  const snippet = officialSnippet(win);
  win.jstag.init({ src: 'x', pageAnalysis: { dataLayerPull: { disabled: true } } });
  const early = win.jstag.pageView;
  early(); // the first one: the server counted it, dropped
  snippet.load();
  early({ page: 'second' });
  assert.deepEqual(pageViews(snippet.sent).length, 1, 'the second call reached the loaded library, not the stub queue');
});
