/** Request routing: pages (full or `X-Partial: 1`), static assets and the JSON API. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HUB_STATUS, timeHub } from './format';
import { notFoundPage, renderDocument, renderPartial, type Page } from './render/layout';
import { renderDashboard } from './render/dashboard';
import { deliveryRow, renderIntegrations } from './render/integrations';
import { renderList, renderMappings, renderSettings } from './render/admin';
import { qboRow, renderQboDetail, renderQboList } from './render/qbo-sync';
import { renderRecord, type RecordRoute } from './render/records';
import { hubRow, parseQuery, renderSyncHub } from './render/sync-hub';
import type { MockState } from './state';
import { CSS, FAVICON } from './styles';
import type { SyncItem } from './types';

const RECORD_ROUTES = new Set<string>(['invoices', 'payments', 'bills', 'customers']);
type Json = Record<string, unknown>;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'X-Partial',
  });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json', JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > 1_000_000) throw new Error('body too large');
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : {};
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

export function itemJson(it: SyncItem): Json {
  return {
    record: it.record,
    kind: it.kind,
    connector: it.connector,
    run: it.run,
    status: it.status,
    statusLabel: HUB_STATUS[it.status],
    message: it.message,
    retries: it.retries,
    lastAttempt: timeHub(it.lastAttempt),
    scenario: it.scenario,
    attempts: it.attempts.length,
  };
}

function page(state: MockState, path: string, url: URL): Page | null {
  if (path === '/') return renderDashboard(state);
  if (path === '/sync-hub') return renderSyncHub(state, url);
  if (path === '/qbo-sync') return renderQboList(state, url);
  if (path === '/integrations') return renderIntegrations(state);
  if (path === '/admin/mappings') return renderMappings(state);
  if (path === '/settings') return renderSettings(state);
  const parts = path.split('/').slice(1);
  const [first = '', second, ...rest] = parts;
  if (rest.length > 0) return null;
  if (RECORD_ROUTES.has(first)) {
    return second === undefined
      ? renderList(state, first as RecordRoute)
      : renderRecord(state, first as RecordRoute, second);
  }
  if (first === 'qbo-sync' && second !== undefined) return renderQboDetail(state, second);
  return null;
}

/** One row's current markup: `?record=X&view=hub|qbo|delivery[&index=N]` (big lists update rows alone). */
function fragment(state: MockState, res: ServerResponse, url: URL) {
  const it = state.find(url.searchParams.get('record') ?? '');
  if (!it) return json(res, 404, { ok: false, error: 'unknown record' });
  const view = url.searchParams.get('view');
  const index = Number(url.searchParams.get('index')) || 2;
  const html =
    view === 'qbo' ? qboRow(it, index) : view === 'delivery' ? deliveryRow(it) : hubRow(it);
  return json(res, 200, { ok: true, ...itemJson(it), html });
}

async function api(
  state: MockState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
) {
  if (req.method === 'GET' && path.startsWith('/api/records/')) {
    const it = state.find(path.slice('/api/records/'.length));
    return it
      ? json(res, 200, itemJson(it))
      : json(res, 404, { ok: false, error: 'unknown record' });
  }
  if (req.method === 'GET' && path === '/api/health') return json(res, 200, { ok: true });
  if (req.method === 'GET' && path === '/api/fragment') return fragment(state, res, url);
  if (req.method !== 'POST') return json(res, 405, { ok: false, error: 'use POST' });
  let body: Json;
  try {
    body = await readJson(req);
  } catch {
    return json(res, 400, { ok: false, error: 'invalid JSON body' });
  }
  const notFound = (what: string) => json(res, 404, { ok: false, error: `unknown ${what}` });
  switch (path) {
    case '/api/retry': {
      const it = state.retry(str(body.record));
      return it ? json(res, 200, { ok: true, ...itemJson(it) }) : notFound('record');
    }
    case '/api/reconnect': {
      const c = state.reconnect(str(body.connector));
      return c
        ? json(res, 200, { ok: true, connector: c.id, name: c.name, authorized: c.authorized })
        : notFound('connector');
    }
    case '/api/mappings/fix': {
      const m = state.fixMapping(str(body.mapping ?? body.id));
      return m ? json(res, 200, { ok: true, mapping: m }) : notFound('mapping');
    }
    case '/api/post-record': {
      const r = state.postRecord(str(body.record));
      return r
        ? json(res, 200, { ok: true, record: r.number, docStatus: r.docStatus })
        : notFound('record');
    }
    case '/api/mutate': {
      const url = new URL(`/sync-hub${str(body.query).replace(/^[^?]*/, '')}`, 'http://mock.local');
      if (body.rows !== undefined) url.searchParams.set('rows', str(body.rows));
      const it = state.mutate(parseQuery(url));
      return it
        ? json(res, 200, { ok: true, ...itemJson(it), html: hubRow(it) })
        : json(res, 200, { ok: false });
    }
    case '/api/reset':
      state.reset();
      return json(res, 200, { ok: true });
    case '/api/session': {
      for (const key of ['name', 'role', 'branch'] as const) {
        const v = str(body[key]).trim();
        if (v) state.user[key] = v.slice(0, 80);
      }
      return json(res, 200, { ok: true, user: state.user });
    }
    default:
      return notFound('endpoint');
  }
}

export async function handle(
  state: MockState,
  clientJs: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://mock.local');
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (path.startsWith('/api/')) return api(state, req, res, path, url);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'text/plain', 'Method not allowed');
  }
  if (path === '/app.js') return send(res, 200, 'text/javascript', clientJs);
  if (path === '/app.css') return send(res, 200, 'text/css', CSS);
  if (path === '/favicon.svg' || path === '/favicon.ico')
    return send(res, 200, 'image/svg+xml', FAVICON);
  const found = page(state, path, url);
  const p = found ?? notFoundPage(path);
  const status = p.status ?? 200;
  if (req.headers['x-partial'] === '1')
    return send(res, status, 'application/json', renderPartial(p));
  return send(res, status, 'text/html', renderDocument(p, state.user));
}
