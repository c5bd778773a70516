import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matches, isShown } from '../src/rules.js';

const member = (...slugs) => (s) => slugs.includes(s);
const el = (attrs) => ({ getAttribute: (n) => (n in attrs ? attrs[n] : null) });

test('a plain comma list matches when the visitor is in any listed segment', () => {
  assert.equal(matches('vip', member('vip')), true);
  assert.equal(matches('gold, vip', member('vip')), true);
  assert.equal(matches('gold,silver', member('vip')), false);
  assert.equal(matches('any:gold,vip', member('vip')), true);
});

test('all: needs every segment, none: needs no listed segment', () => {
  assert.equal(matches('all:vip,known', member('vip', 'known')), true);
  assert.equal(matches('all:vip,known', member('vip')), false);
  assert.equal(matches('none:vip,gold', member('known')), true);
  assert.equal(matches('none:vip,gold', member('gold')), false);
});

test('empty lists: input "" and "all:" match nothing, "none:" matches everyone', () => {
  assert.equal(matches('', member('vip')), false);
  assert.equal(matches(' , ,', member('vip')), false);
  assert.equal(matches('all:', member('vip')), false);
  assert.equal(matches('none:', member('vip')), true);
});

test('slugs are compared exactly after trimming (no prefix or case folding)', () => {
  assert.equal(matches('VIP', member('vip')), false);
  assert.equal(matches('vi', member('vip')), false);
  assert.equal(matches('  vip  ', member('vip')), true);
});

test('isShown combines data-lytics-segment and data-lytics-unless', () => {
  const vip = member('vip', 'all');
  assert.equal(isShown(el({ 'data-lytics-segment': 'vip' }), vip), true);
  assert.equal(isShown(el({ 'data-lytics-segment': 'gold' }), vip), false);
  assert.equal(isShown(el({ 'data-lytics-unless': 'vip' }), vip), false);
  assert.equal(isShown(el({ 'data-lytics-unless': 'gold' }), vip), true);
  assert.equal(isShown(el({ 'data-lytics-segment': 'all', 'data-lytics-unless': 'vip' }), vip), false);
  assert.equal(isShown(el({ 'data-lytics-unless': 'all:vip,gold' }), vip), true);
});
