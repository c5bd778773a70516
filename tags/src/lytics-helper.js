// Entry point: installs `window.lytics` when loaded in a page (classic script or ES module).
import { install, VERSION } from './install.js';
import { matches } from './rules.js';

/** The page's `window.lytics`, or undefined outside a browser. */
export const lytics = typeof window !== 'undefined' && window.document ? install(window) : undefined;
export { install, matches, VERSION };
