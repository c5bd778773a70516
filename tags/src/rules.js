// Segment conditions of `data-lytics-segment` / `data-lytics-unless`.

/** Attribute naming the segments an element is shown for. */
export const SEGMENT_ATTR = 'data-lytics-segment';
/** Attribute naming the segments an element is hidden for. */
export const UNLESS_ATTR = 'data-lytics-unless';

/**
 * Evaluates a condition such as `vip`, `vip,known`, `any:a,b`, `all:a,b` or `none:a,b`
 * (comma list; no prefix means `any`). `has(slug)` tells whether the visitor is in a segment.
 * An empty list matches nothing for `any`/`all` and everything for `none`.
 */
export function matches(condition, has) {
  let mode = 'any';
  let list = String(condition);
  const prefix = /^\s*(any|all|none)\s*:/.exec(list);
  if (prefix) {
    mode = prefix[1];
    list = list.slice(prefix[0].length);
  }
  const slugs = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (mode === 'all') return slugs.length > 0 && slugs.every(has);
  if (mode === 'none') return !slugs.some(has);
  return slugs.some(has);
}

/** Whether a marked element is shown: its segment condition holds and its unless condition does not. */
export function isShown(el, has) {
  const seg = el.getAttribute(SEGMENT_ATTR);
  const unless = el.getAttribute(UNLESS_ATTR);
  return (seg === null || matches(seg, has)) && (unless === null || !matches(unless, has));
}
