import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { LIMIT_BYTES } from '../build.mjs';

const dist = new URL('../dist/', import.meta.url);

// Reads what `node build.mjs` produced (it runs before the tests); does not rebuild, so that
// tests running in parallel never see half-written files.
test('size.json holds the real minified and gzipped sizes of both bundles, under the limit', () => {
  const report = JSON.parse(readFileSync(new URL('size.json', dist), 'utf8'));
  assert.equal(report.limitBytes, LIMIT_BYTES);
  assert.equal(report.gzip, Math.max(report.files['lytics-helper.js'].gzip, report.files['lytics-helper.mjs'].gzip));
  for (const file of ['lytics-helper.js', 'lytics-helper.mjs']) {
    const code = readFileSync(new URL(file, dist));
    assert.equal(report.files[file].minified, code.length);
    assert.equal(report.files[file].gzip, gzipSync(code, { level: 9 }).length);
    assert.ok(report.files[file].gzip <= LIMIT_BYTES, `${file}: ${report.files[file].gzip} B gzipped`);
  }
});

test('the classic script is a self-contained IIFE, the module exports lytics and install', () => {
  const classic = readFileSync(new URL('lytics-helper.js', dist), 'utf8');
  const mod = readFileSync(new URL('lytics-helper.mjs', dist), 'utf8');
  assert.match(classic, /^\(\(\)=>\{/);
  assert.doesNotMatch(classic, /\bexport\b|\bimport\b/);
  assert.match(mod, /export\{[^}]*\blytics\b/);
  assert.match(mod, /export\{[^}]*\binstall\b/);
});

test('importing the module outside a browser installs nothing and exposes undefined', async () => {
  const m = await import(new URL('lytics-helper.mjs', dist));
  assert.equal(m.lytics, undefined);
  assert.equal(typeof m.install, 'function');
  assert.equal(m.matches('all:a,b', (s) => s === 'a' || s === 'b'), true);
});

test('the tag loader is built as a classic script lytics-servlet can embed in a <script> element', () => {
  const loader = readFileSync(new URL('lytics-tag-loader.js', dist), 'utf8');
  const report = JSON.parse(readFileSync(new URL('size.json', dist), 'utf8'));
  assert.match(loader, /^!function\(/);
  assert.doesNotMatch(loader, /<\/script|<!--|\bexport\b|\bimport\b/i);
  assert.equal(report.tagLoader.minified, Buffer.byteLength(loader));
});
