// Runs `npm ci` unless node_modules already matches package-lock.json (npm's hidden lockfile
// node_modules/.package-lock.json is newer than package.json and package-lock.json).
import { statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mtime = (f) => {
  try {
    return statSync(join(root, f)).mtimeMs;
  } catch (e) {
    return -1;
  }
};
const installed = mtime('node_modules/.package-lock.json');
if (installed > 0 && installed >= mtime('package-lock.json') && installed >= mtime('package.json')) {
  console.log('node_modules is up to date with package-lock.json: npm ci skipped');
} else {
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('npm ci failed' + (r.error ? ': ' + r.error.message : ''));
    process.exit(r.status || 1);
  }
}
