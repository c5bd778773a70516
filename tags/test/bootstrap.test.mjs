import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  normalizeProfile, readEndpoints, readTimeout, readCookieName, readBootstrap, safeUrl, DEFAULT_TIMEOUT,
} from '../src/bootstrap.js';
import { fakeWindow, h } from '../test-support/fake-dom.mjs';

const BASE = 'https://shop.example/ctx/page';

test('a valid bootstrap is kept as given', () => {
  const p = normalizeProfile({
    v: 1, visitorId: 'u_123', status: 'known', segments: ['all', 'known_users'], fields: { first_name: 'Ada', age: 36 },
    recommendations: [{ url: 'https://example.org/a', title: 'A', description: 'd', image: '/i.png', topics: ['x'] }],
    pvid: 'pv1', counted: true, consent: 'granted',
  }, BASE);
  assert.equal(p.visitorId, 'u_123');
  assert.equal(p.status, 'known');
  assert.deepEqual([...p.segments], ['all', 'known_users']);
  assert.equal(p.fields.first_name, 'Ada');
  assert.equal(p.fields.age, 36);
  assert.equal(p.recommendations[0].url, 'https://example.org/a');
  assert.equal(p.recommendations[0].image, 'https://shop.example/i.png');
  assert.equal(p.pvid, 'pv1');
  assert.equal(p.counted, true);
  assert.equal(p.consent, 'granted');
  assert.ok(Object.isFrozen(p.segments) && Object.isFrozen(p.fields));
});

test('hostile values: wrong types, unknown enums and script URLs fall back to safe defaults', () => {
  const p = normalizeProfile({
    visitorId: { toString: 1 }, status: 'admin', segments: ['vip', 7, null, { a: 1 }, ' vip ', ''], consent: 'yes',
    counted: 'true', pvid: 42,
    recommendations: [
      { url: 'javascript:alert(1)', title: 'x' },
      { url: 'https://ok.example/', title: '"><img src=x onerror=alert(1)>', image: 'javascript:alert(2)', topics: [1, 't'] },
      'not an object',
    ],
  }, BASE);
  assert.equal(p.visitorId, undefined, 'visitorId must be a string');
  assert.equal(p.status, 'unavailable', 'unknown status "admin" must become unavailable');
  assert.deepEqual([...p.segments], ['vip'], 'only non-empty string slugs, trimmed and de-duplicated');
  assert.equal(p.consent, 'pending', 'unknown consent "yes" must not count as granted');
  assert.equal(p.counted, false, 'counted must be the boolean true, the string "true" is not enough');
  assert.equal(p.pvid, undefined);
  assert.equal(p.recommendations.length, 1, 'the javascript: URL recommendation is dropped');
  assert.equal(p.recommendations[0].title, '"><img src=x onerror=alert(1)>', 'titles stay plain text, never parsed');
  assert.equal(p.recommendations[0].image, '', 'a javascript: image URL is removed');
  assert.deepEqual([...p.recommendations[0].topics], ['t']);
});

test('a "__proto__" key in fields cannot change any prototype', () => {
  const raw = JSON.parse('{"fields":{"__proto__":{"polluted":true},"constructor":"c","name":"n"}}');
  const p = normalizeProfile(raw, BASE);
  assert.equal(({}).polluted, undefined);
  assert.equal(Object.getPrototypeOf(p.fields), null);
  assert.equal(p.fields.name, 'n');
  assert.equal(p.fields.constructor, 'c');
});

test('nested objects in fields are dropped; arrays keep only strings and numbers', () => {
  const p = normalizeProfile({ fields: { a: { b: 1 }, tags: ['x', 2, { y: 1 }], n: null } }, BASE);
  assert.deepEqual(Object.keys(p.fields), ['tags']);
  assert.deepEqual([...p.fields.tags], ['x', 2]);
});

test('endpoints must be on the page origin; others fall back to the defaults', () => {
  assert.deepEqual(readEndpoints({ profile: '/ctx/lytics/profile', collect: 'https://shop.example/ctx/lytics/collect' }, BASE), {
    profile: 'https://shop.example/ctx/lytics/profile',
    collect: 'https://shop.example/ctx/lytics/collect',
  });
  assert.deepEqual(readEndpoints({ profile: '//evil.example/p', collect: 'javascript:alert(1)' }, BASE), {
    profile: 'https://shop.example/lytics/profile',
    collect: 'https://shop.example/lytics/collect',
  });
  assert.deepEqual(readEndpoints('nonsense', BASE), readEndpoints(undefined, BASE));
});

test('safeUrl accepts only http(s)', () => {
  assert.equal(safeUrl('data:text/html,x', BASE, false), undefined);
  assert.equal(safeUrl(' JAVASCRIPT:alert(1)', BASE, false), undefined);
  assert.equal(safeUrl('http://a.example/x', BASE, false), 'http://a.example/x');
});

test('timeout: first valid candidate within 0..10000 ms, else 1500', () => {
  assert.equal(readTimeout('300', 900), 300);
  assert.equal(readTimeout(null, 900), 900);
  assert.equal(readTimeout('abc', -5, 99999), DEFAULT_TIMEOUT);
  assert.equal(readTimeout(undefined, undefined), 1500);
  assert.equal(readTimeout('0'), 0);
});

test('cookie name: token characters only, default seerid', () => {
  assert.equal(readCookieName({ cookie: 'lyid' }), 'lyid');
  assert.equal(readCookieName({ cookie: 'a=b; path=/' }), 'seerid');
  assert.equal(readCookieName(null), 'seerid');
});

test('readBootstrap: absent, broken JSON and non-objects give null', () => {
  const win = fakeWindow('https://shop.example/');
  const doc = win.document;
  assert.equal(readBootstrap(doc), null);
  const el = doc.head.appendChild(h(doc, 'script', { type: 'application/json', id: 'lytics-bootstrap' }, '{"v":1,'));
  assert.equal(readBootstrap(doc), null);
  el.textContent = '[1,2]';
  assert.equal(readBootstrap(doc), null);
  el.textContent = '{"v":1,"status":"new"}';
  assert.deepEqual(readBootstrap(doc), { v: 1, status: 'new' });
});

test('profile values in the forms Lytics sends them are handed to the page as sent', () => {
  // go-lytics mock/json/get_entity.json: numbers as text, "t" for true, maps of counts; the server's
  // bootstrap passes them unchanged (LyticsValueFormsTest), and so must the helper: never re-typed
  const p = normalizeProfile({
    status: 'known', segments: ['all'],
    fields: { app_pageviewct: '517', timezone: '-5', app_ismobile: 't', zip: '02134', emails: ['rita@example.com'] },
  }, BASE);
  assert.equal(p.fields.app_pageviewct, '517');
  assert.equal(Number(p.fields.app_pageviewct), 517);
  assert.equal(p.fields.timezone, '-5');
  assert.equal(p.fields.app_ismobile, 't');
  assert.equal(p.fields.zip, '02134', 'a text that looks like a number stays text');
  assert.deepEqual([...p.fields.emails], ['rita@example.com']);
});

test('a recommendation in Lytics\' own shape gets its image from primaryimageurl, then imageurls[0], then primary_image', () => {
  // Lytics' browser code reads `r.primaryimageurl || r.imageurls[0]` (lytics/wordpress-core
  // src/public/js/inlineRecommendation.js); `primary_image` is the 2016 shape (lytics/go-lytics
  // mock/json/get_user_content_recommendation.json). The bootstrap's own `image` comes first.
  const rec = (extra) => ({ url: 'https://example.org/a', ...extra });
  const p = normalizeProfile({
    status: 'known',
    recommendations: [
      rec({ image: '/own.png', primaryimageurl: 'https://i.example/p.jpg' }),
      rec({ primaryimageurl: 'https://i.example/p.jpg', imageurls: ['https://i.example/u.jpg'], primary_image: 'https://i.example/o.jpg' }),
      rec({ primaryimageurl: '', imageurls: ['https://i.example/u.jpg'], primary_image: 'https://i.example/o.jpg' }),
      rec({ imageurls: [], primary_image: 'https://i.example/o.jpg' }),
      rec({ imageurls: 'https://i.example/not-a-list.jpg' }),
      rec({ primaryimageurl: 'javascript:alert(1)', imageurls: ['https://i.example/u.jpg'] }),
    ],
  }, 'https://shop.example/page');
  assert.deepEqual(p.recommendations.map((r) => r.image), ['https://shop.example/own.png', 'https://i.example/p.jpg',
    'https://i.example/u.jpg', 'https://i.example/o.jpg', '', '']);
});
