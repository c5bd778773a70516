// Builds dist/lytics-helper.mjs (ES module) and dist/lytics-helper.js (classic script, IIFE),
// both minified, dist/lytics-tag-loader.js (the official tag's loader that lytics-servlet embeds
// in pages, minified) and dist/size.json with the gzipped sizes. Fails above the helper's size limit.
// esbuild bundles the sources; terser minifies the bundle (its output gzips ~90 B smaller than
// esbuild's own minifier on this code, which keeps the helper under the 3 KB aim).
import { build } from 'esbuild';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
/** Hard limit of the minified+gzipped classic script, in bytes (the aim is 3 KB). */
export const LIMIT_BYTES = 4096;
export const AIM_BYTES = 3072;

const targets = [
  { file: 'lytics-helper.mjs', format: 'esm' },
  { file: 'lytics-helper.js', format: 'iife' },
];

export async function buildAll() {
  mkdirSync(dist, { recursive: true });
  const sizes = {};
  for (const t of targets) {
    const bundled = await build({
      entryPoints: [join(root, 'src', 'lytics-helper.js')],
      bundle: true,
      write: false,
      format: t.format,
      target: ['es2019'],
      legalComments: 'none',
      logLevel: 'warning',
    });
    const minified = await minify(bundled.outputFiles[0].text, {
      ecma: 2019,
      module: t.format === 'esm',
      compress: { passes: 2 },
      mangle: true,
      format: { comments: false },
    });
    const code = Buffer.from(minified.code);
    writeFileSync(join(dist, t.file), code);
    sizes[t.file] = { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
  }
  const worst = Math.max(...Object.values(sizes).map((s) => s.gzip));
  const loader = await minify(readFileSync(join(root, 'src', 'tag-loader.js'), 'utf8'), {
    ecma: 5,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  const loaderCode = Buffer.from(loader.code);
  writeFileSync(join(dist, 'lytics-tag-loader.js'), loaderCode);
  const tagLoader = { minified: loaderCode.length, gzip: gzipSync(loaderCode, { level: 9 }).length };
  const report = { limitBytes: LIMIT_BYTES, aimBytes: AIM_BYTES, gzip: worst, files: sizes, tagLoader };
  writeFileSync(join(dist, 'size.json'), JSON.stringify(report, null, 2) + '\n');
  return report;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = await buildAll();
  for (const [file, s] of Object.entries(report.files)) {
    console.log(`${file}: ${s.minified} B minified, ${s.gzip} B gzipped`);
  }
  console.log(`lytics-tag-loader.js: ${report.tagLoader.minified} B minified, ${report.tagLoader.gzip} B gzipped`);
  if (report.gzip > LIMIT_BYTES) {
    console.error(`lytics-helper too large: ${report.gzip} B gzipped > ${LIMIT_BYTES} B limit`);
    process.exit(1);
  }
  if (report.gzip > AIM_BYTES) console.warn(`note: ${report.gzip} B gzipped is above the ${AIM_BYTES} B aim`);
}
