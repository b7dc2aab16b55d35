/** Mock AWRA app on loopback: `startMockAwra()` for tests, or `npx tsx test/mock-awra/server.ts [--port 4477]`. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handle } from './routes';
import { MockState } from './state';

export interface MockAwraOptions {
  port?: number;
  host?: string;
}

export interface MockAwra {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:4477 */
  url: string;
  close(): Promise<void>;
  /** Restores the seed data. */
  reset(): void;
  /** Direct access to the in-memory state (tests). */
  state: MockState;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

export async function startMockAwra({
  port = 0,
  host = '127.0.0.1',
}: MockAwraOptions = {}): Promise<MockAwra> {
  if (!LOOPBACK.has(host)) throw new Error(`mock AWRA binds to 127.0.0.1 only (got ${host})`);
  const clientJs = readFileSync(new URL('./client.js', import.meta.url), 'utf8');
  const state = new MockState();
  const server = createServer((req, res) => {
    handle(state, clientJs, req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-store',
        });
      }
      res.end(`Internal error: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    state,
    reset: () => state.reset(),
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((err) => (err ? fail(err) : ok()));
        server.closeAllConnections();
      }),
  };
}

function cliPort(argv: string[]): number {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (i < 0) return 4477;
  const raw = argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`invalid --port ${String(raw)}`);
  return n;
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const app = await startMockAwra({ port: cliPort(process.argv.slice(2)) });
  console.log(`Mock AWRA running at ${app.url}/`);
  const stop = () => {
    app.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
