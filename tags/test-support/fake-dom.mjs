// A tiny DOM for unit tests: elements with attributes and children, getElementById, attribute
// selectors in querySelectorAll, and a MutationObserver that delivers records in a microtask
// (as browsers do). Only what the helper uses; not a general DOM.

class FakeElement {
  constructor(doc, tagName) {
    this.ownerDocument = doc;
    this.nodeType = 1;
    this.tagName = tagName.toUpperCase();
    this.attributes = new Map();
    this.children = [];
    this.parentNode = null;
    this._text = '';
  }
  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }
  hasAttribute(name) {
    return this.attributes.has(name);
  }
  setAttribute(name, value) {
    const old = this.getAttribute(name);
    this.attributes.set(name, String(value));
    this.ownerDocument._record({ type: 'attributes', target: this, attributeName: name, oldValue: old });
  }
  removeAttribute(name) {
    const old = this.getAttribute(name);
    this.attributes.delete(name);
    this.ownerDocument._record({ type: 'attributes', target: this, attributeName: name, oldValue: old });
  }
  get id() {
    return this.getAttribute('id') || '';
  }
  get textContent() {
    return this._text + this.children.map((c) => c.textContent).join('');
  }
  set textContent(value) {
    this.children = [];
    this._text = String(value);
  }
  appendChild(child) {
    child.parentNode = this;
    this.children.push(child);
    this.ownerDocument._record({ type: 'childList', target: this, addedNodes: [child] });
    return child;
  }
  *descendants() {
    for (const c of this.children) {
      yield c;
      yield* c.descendants();
    }
  }
  /** Supports comma lists of `[attr]` selectors, optionally preceded by a tag name. */
  querySelectorAll(selector) {
    const parts = selector.split(',').map((s) => {
      const m = /^\s*([a-z]*)\[([\w-]+)\]\s*$/i.exec(s);
      if (!m) throw new Error('fake-dom: unsupported selector ' + s);
      return { tag: m[1].toUpperCase(), attr: m[2] };
    });
    return [...this.descendants()].filter((el) => parts.some((p) => (!p.tag || el.tagName === p.tag) && el.hasAttribute(p.attr)));
  }
  querySelector(selector) {
    return this.querySelectorAll(selector)[0] || null;
  }
}

class FakeDocument {
  constructor() {
    this._observers = [];
    this.documentElement = new FakeElement(this, 'html');
    this.head = this.documentElement.appendChild(new FakeElement(this, 'head'));
    this.body = this.documentElement.appendChild(new FakeElement(this, 'body'));
    this.currentScript = null;
  }
  createElement(tagName) {
    return new FakeElement(this, tagName);
  }
  getElementById(id) {
    for (const el of this.documentElement.descendants()) if (el.id === id) return el;
    return null;
  }
  querySelector(selector) {
    return this.documentElement.querySelector(selector);
  }
  _record(record) {
    for (const o of this._observers) o._enqueue(record);
  }
}

function inside(node, root) {
  for (let n = node; n; n = n.parentNode) if (n === root) return true;
  return false;
}

/** MutationObserver over the fake document; records are delivered in a microtask. */
export function mutationObserverFor(doc) {
  return class FakeMutationObserver {
    constructor(callback) {
      this.callback = callback;
      this.records = [];
    }
    observe(target, options) {
      this.target = target;
      this.options = options;
      doc._observers.push(this);
    }
    disconnect() {
      doc._observers = doc._observers.filter((o) => o !== this);
    }
    _enqueue(r) {
      if (!inside(r.target, this.target)) return;
      if (r.type === 'attributes' && !(this.options.attributes && (!this.options.attributeFilter || this.options.attributeFilter.includes(r.attributeName)))) return;
      if (r.type === 'childList' && !this.options.childList) return;
      if (this.records.push(r) === 1) queueMicrotask(() => this.callback(this.records.splice(0), this));
    }
  };
}

/** Builds an element tree from `[tag, {attrs}, ...children|text]` arrays. */
export function h(doc, tag, attrs, ...children) {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) el.attributes.set(k, String(v));
  for (const c of children) {
    if (typeof c === 'string') el._text += c;
    else {
      c.parentNode = el;
      el.children.push(c);
    }
  }
  return el;
}

/**
 * A window for `install(win)`: fake document, real timers, real Blob/fetch/AbortController/URL
 * from Node. `location` is `pageUrl` (e.g. the test server); relative fetches resolve against it.
 * `navigator.sendBeacon` posts with Node's fetch and records what it posted.
 */
export function fakeWindow(pageUrl, { beacon = true } = {}) {
  const document = new FakeDocument();
  const beacons = [];
  const fetchAbs = (url, init) => fetch(new URL(url, pageUrl), init);
  const win = {
    document,
    location: { href: pageUrl, origin: new URL(pageUrl).origin },
    setTimeout,
    clearTimeout,
    Blob,
    AbortController,
    MutationObserver: mutationObserverFor(document),
    fetch: fetchAbs,
    beacons,
    navigator: {},
  };
  if (beacon) {
    win.navigator.sendBeacon = (url, data) => {
      const sent = data.text().then((body) =>
        fetchAbs(url, { method: 'POST', body, headers: { 'Content-Type': data.type } }),
      );
      beacons.push({ url, type: data.type, sent });
      return true;
    };
  }
  return win;
}
