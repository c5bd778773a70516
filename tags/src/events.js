// Events to the collect endpoint, gated by consent.
import { isObject } from './values.js';

/** At most this many events wait for consent; later ones are dropped. */
export const MAX_QUEUE = 50;
/** Largest JSON body sent, in bytes (the collect endpoint's limit). */
export const MAX_BYTES = 16384;

const ALLOWS = { granted: true, 'not-required': true };

/**
 * Creates the event pipe. `deliver(body)` sends one JSON string; `pvid()` gives the page-view id
 * (added as `_pvid` unless the event has one).
 * Consent `pending` queues (bounded, oldest kept), `denied` discards, `granted`/`not-required` send.
 */
export function createEvents(deliver, pvid, initialConsent) {
  let consent = initialConsent;
  let queue = [];

  const serialize = (event) => {
    const id = pvid();
    if (id && event._pvid === undefined) event._pvid = id;
    return JSON.stringify(event);
  };
  const size = (s) => new Blob([s]).size;

  return {
    /** @returns {'sent'|'queued'|'dropped'} */
    send(event) {
      if (!isObject(event)) return 'dropped';
      const copy = Object.assign({}, event);
      if (copy._ts === undefined) copy._ts = Date.now();
      let body;
      try {
        body = serialize(copy);
      } catch (e) {
        return 'dropped';
      }
      if (size(body) > MAX_BYTES || consent === 'denied') return 'dropped';
      if (!ALLOWS[consent]) {
        if (queue.length >= MAX_QUEUE) return 'dropped';
        queue.push(body); // a snapshot: later changes to the event do not leak in
        return 'queued';
      }
      return deliver(body) ? 'sent' : 'dropped';
    },
    /** Changes the consent state: granting flushes the queue in order, denying empties it. */
    consent(state) {
      consent = state;
      if (state === 'denied') queue = [];
      else if (ALLOWS[state]) {
        const waiting = queue;
        queue = [];
        for (const body of waiting) deliver(serialize(JSON.parse(body)));
      }
    },
    get state() {
      return consent;
    },
  };
}
