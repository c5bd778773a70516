import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEvents, MAX_QUEUE, MAX_BYTES } from '../src/events.js';

const pipe = (consent, pvid = 'pv-1') => {
  const delivered = [];
  const events = createEvents((body) => delivered.push(JSON.parse(body)) > 0, () => pvid, consent);
  return { events, delivered };
};

test('granted: an event is delivered at once with _pvid and _ts added', () => {
  const { events, delivered } = pipe('granted');
  assert.equal(events.send({ _e: 'click', x: 1 }), 'sent');
  assert.equal(delivered.length, 1);
  assert.equal(delivered[0]._e, 'click');
  assert.equal(delivered[0]._pvid, 'pv-1');
  assert.equal(typeof delivered[0]._ts, 'number');
});

test('an event that names its own _pvid keeps it', () => {
  const { events, delivered } = pipe('not-required');
  events.send({ _pvid: 'mine' });
  assert.equal(delivered[0]._pvid, 'mine');
});

test('pending: events wait, in order, and go out when consent is granted', () => {
  const { events, delivered } = pipe('pending');
  assert.equal(events.send({ n: 1 }), 'queued');
  assert.equal(events.send({ n: 2 }), 'queued');
  assert.equal(delivered.length, 0, 'nothing may leave before consent');
  events.consent('granted');
  assert.deepEqual(delivered.map((e) => e.n), [1, 2]);
  events.consent('granted');
  assert.equal(delivered.length, 2, 'a second grant sends nothing again: the queue was emptied');
});

test('the caller mutating an event after send does not change the queued copy', () => {
  const { events, delivered } = pipe('pending');
  const e = { n: 1, nested: { m: 1 } };
  events.send(e);
  e.n = 99;
  e.nested.m = 99;
  events.consent('granted');
  assert.equal(delivered[0].n, 1);
  assert.equal(delivered[0].nested.m, 1);
});

test(`pending queue is bounded: event ${MAX_QUEUE + 1} and later are dropped, the first ${MAX_QUEUE} kept`, () => {
  const { events, delivered } = pipe('pending');
  for (let i = 0; i < MAX_QUEUE; i++) assert.equal(events.send({ n: i }), 'queued');
  assert.equal(events.send({ n: 'overflow' }), 'dropped');
  events.consent('granted');
  assert.equal(delivered.length, MAX_QUEUE);
  assert.equal(delivered.at(-1).n, MAX_QUEUE - 1);
});

test('denied: the queue is discarded and later events are dropped; a later grant sends only new events', () => {
  const { events, delivered } = pipe('pending');
  events.send({ n: 'before-deny' });
  events.consent('denied');
  assert.equal(events.send({ n: 'while-denied' }), 'dropped');
  events.consent('granted');
  events.send({ n: 'after-grant' });
  assert.deepEqual(delivered.map((e) => e.n), ['after-grant']);
});

test('bad input: null, arrays, strings, cycles and bodies over 16 KB are dropped, never thrown', () => {
  const { events, delivered } = pipe('granted');
  const cyclic = {};
  cyclic.self = cyclic;
  for (const bad of [null, undefined, 'click', 42, ['a'], cyclic, { big: 'x'.repeat(MAX_BYTES) }]) {
    assert.equal(events.send(bad), 'dropped', `input ${typeof bad} must be dropped`);
  }
  assert.equal(delivered.length, 0);
});

test('a pvid learned after queueing is added at flush time', () => {
  let pvid;
  const delivered = [];
  const events = createEvents((b) => delivered.push(JSON.parse(b)) > 0, () => pvid, 'pending');
  events.send({ n: 1 });
  pvid = 'late';
  events.consent('granted');
  assert.equal(delivered[0]._pvid, 'late');
});
