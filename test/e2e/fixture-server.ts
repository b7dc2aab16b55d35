/** A tiny loopback server that shows one fixture page at a time, at the fixture's own URL path. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:PORT */
  url: string;
  /** Serves `html` at the path (and query) of `fixtureUrl`, or at /saved/NAME.html; returns the address. */
  show(name: string, fixtureUrl: string | null, html: string): string;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  let current: { path: string; html: string } | null = null;
  const server = createServer((req, res) => {
    if (current && req.method === 'GET' && req.url === current.path) {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(current.html);
      return;
    }
    // Logos and favicons the fixtures reference: absent, as on a saved page.
    res.writeHead(404, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end('not found');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    show(name, fixtureUrl, html) {
      const path = fixtureUrl
        ? `${new URL(fixtureUrl).pathname}${new URL(fixtureUrl).search}`
        : `/saved/${encodeURIComponent(name)}.html`;
      current = { path, html };
      return `${url}${path}`;
    },
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((err) => (err ? fail(err) : ok()));
        server.closeAllConnections();
      }),
  };
}
