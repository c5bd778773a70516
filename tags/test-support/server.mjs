// A small HTTP server on 127.0.0.1 (free port) for the tests: routes are plain functions,
// every request is recorded (method, path, headers, body).
import { createServer } from 'node:http';

/**
 * Starts a server. `routes` maps a path (without query) to `(req, res, body, url) => void`.
 * Unknown paths answer 404. Returns { url, requests, route(path, fn), waitFor(pred), close() }.
 */
export async function startServer(routes = {}) {
  const table = new Map(Object.entries(routes));
  const requests = [];
  const waiters = new Set();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      const entry = { method: req.method, path: url.pathname, query: url.searchParams, headers: req.headers, body };
      requests.push(entry);
      for (const w of waiters) w();
      const handler = table.get(url.pathname);
      if (!handler) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      handler(req, res, body, url);
    });
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    url: base,
    requests,
    route(path, fn) {
      table.set(path, fn);
    },
    /**
     * Resolves with `pred(requests)` once it is truthy (checked on every request and every 20 ms);
     * rejects after `ms`.
     */
    waitFor(pred, ms = 10000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = pred(requests);
          if (hit) {
            clearTimeout(timer);
            clearInterval(poll);
            waiters.delete(check);
            resolve(hit);
          }
        };
        const poll = setInterval(check, 20);
        const timer = setTimeout(() => {
          clearInterval(poll);
          waiters.delete(check);
          reject(new Error('condition not met within ' + ms + ' ms; requests: ' + requests.map((r) => r.method + ' ' + r.path).join(', ')));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Answers JSON with the given status. */
export function json(res, status, value) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'private, no-store' });
  res.end(JSON.stringify(value));
}
