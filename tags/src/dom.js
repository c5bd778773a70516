// Shows or hides marked elements before they can paint.
import { SEGMENT_ATTR, UNLESS_ATTR, isShown } from './rules.js';

/** Attribute the helper sets on each decided element: `shown` or `hidden`. */
export const STATE_ATTR = 'data-lytics-state';
const SELECTOR = `[${SEGMENT_ATTR}],[${UNLESS_ATTR}]`;
/** Hides every marked element that is not decided as shown (undecided ones included). */
export const HIDE_CSS = `[${SEGMENT_ATTR}]:not([${STATE_ATTR}=shown]),[${UNLESS_ATTR}]:not([${STATE_ATTR}=shown]){display:none!important}`;

function addStyle(win, doc, nonce) {
  try {
    // A constructed sheet needs no nonce under a strict style-src.
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(HIDE_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch (e) {
    const style = doc.createElement('style');
    if (nonce) style.setAttribute('nonce', nonce);
    style.textContent = HIDE_CSS;
    doc.head.appendChild(style);
  }
}

/**
 * Installs the hiding rule and a MutationObserver that decides each marked element as the parser
 * adds it (observer callbacks run before the next rendering). Until `decide` is called every
 * marked element stays hidden.
 * @returns {{decide(has: (slug: string) => boolean): void}}
 */
export function personalize(win, doc, nonce) {
  let has = null;
  const apply = (el) => {
    if (has && el.nodeType === 1 && (el.hasAttribute(SEGMENT_ATTR) || el.hasAttribute(UNLESS_ATTR))) {
      el.setAttribute(STATE_ATTR, isShown(el, has) ? 'shown' : 'hidden');
    }
  };
  const scan = (root) => {
    if (!has || root.nodeType !== 1) return;
    apply(root);
    root.querySelectorAll(SELECTOR).forEach(apply);
  };
  addStyle(win, doc, nonce);
  if (win.MutationObserver) {
    new win.MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') apply(r.target);
        else r.addedNodes.forEach(scan);
      }
    }).observe(doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: [SEGMENT_ATTR, UNLESS_ATTR],
    });
  }
  return {
    decide(fn) {
      has = fn;
      scan(doc.documentElement);
    },
  };
}
