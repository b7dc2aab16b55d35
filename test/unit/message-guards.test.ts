// Every runtime message handler, as the background wires them, against every request type ×
// wrong shapes × wrong senders: a rejected message gets no answer and touches nothing (no store
// opened, no popup opened, no overlay injected). The gate listens to no runtime message; the
// popup's question reaches it through its published entry, whose check is tested here too.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createBackgroundHandler } from '../../lib/messaging/background-handler';
import { isContentRequest, publishGate } from '../../lib/gate/entry';
import { ContentRequestSchema } from '../../lib/messaging/content-request';
import { firstAnswer, type Handler } from '../../lib/messaging/dispatch';
import { createEscalationHandler } from '../../lib/messaging/escalation-handler';
import { createLoadOverlayHandler } from '../../lib/messaging/load-overlay';
import { createOpenEscalationHandler } from '../../lib/messaging/open-escalation';
import type { Sender } from '../../lib/messaging/protocol';
import { openStore } from '../../lib/store/open';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const OTHER = 'ponmlkjihgfedcbaponmlkjihgfedcba';

const SENDERS = {
  'our content script': { id: EXT, tab: { id: 7 }, url: 'https://acme.awraops.com/sync-hub' },
  'our popup': { id: EXT, url: `${ORIGIN}popup.html` },
  'our popup opened in a tab': { id: EXT, tab: { id: 9 }, url: `${ORIGIN}popup.html` },
  "another extension's content script": {
    id: OTHER,
    tab: { id: 7 },
    url: 'https://acme.awraops.com/sync-hub',
  },
  "another extension's page": { id: OTHER, url: `chrome-extension://${OTHER}/popup.html` },
  'our id with a web page URL and no tab': { id: EXT, url: 'https://evil.example/' },
  "our id with another extension's URL": { id: EXT, url: `chrome-extension://${OTHER}/x.html` },
  'our id with a lookalike origin': { id: EXT, url: `chrome-extension://${EXT}.evil/x.html` },
  'a web page (no id)': { tab: { id: 7 }, url: 'https://evil.example/' },
  'no sender at all': {},
  'our id with a null tab': { id: EXT, tab: null, url: 'https://acme.awraops.com/' },
} satisfies Record<string, Sender>;
type SenderName = keyof typeof SENDERS;

const ref = { connector: 'QuickBooks Online', recordNumber: 'INV-20417' };
const escalation = { recordNumber: 'INV-20417', message: 'Customer is missing' };

/** One valid request of every type, the senders allowed to send it, and its optional fields. */
const REQUESTS: { handler: string; request: Record<string, unknown>; optional?: string[] }[] = [
  { handler: 'store', request: { type: 'get-record-state', ...ref } },
  {
    handler: 'store',
    request: { type: 'record-retry', ...ref, message: 'No mapping', overridden: false },
  },
  { handler: 'store', request: { type: 'record-outcome', ...ref, outcome: 'failed' } },
  {
    handler: 'store',
    request: {
      type: 'note-failures',
      records: [{ ...ref, messageType: 'mapping-missing', message: 'No mapping' }],
    },
  },
  {
    handler: 'store',
    request: { type: 'set-checklist', ...ref, ticks: ['a'], collapsed: false, dismissed: false },
  },
  {
    handler: 'escalation',
    request: { type: 'escalation-save', ...escalation, connector: null, data: { a: 1 } },
  },
  { handler: 'escalation', request: { type: 'escalation-list', limit: 5 }, optional: ['limit'] },
  { handler: 'escalation', request: { type: 'escalation-get', id: 1 } },
  { handler: 'escalation', request: { type: 'escalation-add-note', id: 1, text: 'Called' } },
  { handler: 'escalation', request: { type: 'escalation-delete', id: 1 } },
  { handler: 'escalation', request: { type: 'escalation-delete-all' } },
  { handler: 'escalation', request: { type: 'escalation-find-recent', ...escalation } },
  {
    handler: 'open',
    request: { type: 'open-escalation', ...ref, trigger: 'retry-limit-exceeded' },
  },
  { handler: 'load', request: { type: 'load-overlay' } },
];

/** Who may send what: content scripts talk to the store and open the popup; our pages the rest. */
const ALLOWED: Record<string, SenderName[]> = {
  store: ['our content script'],
  open: ['our content script'],
  load: ['our content script'],
  escalation: ['our popup', 'our popup opened in a tab'],
};

/** A value of another kind than `value`, for every field type the protocols use. */
function wrongKind(value: unknown): unknown[] {
  if (typeof value === 'string') return [42, ['x'], { toString: 'x' }];
  if (typeof value === 'number') return ['1', Number.NaN, Infinity, -1, 1.5];
  if (typeof value === 'boolean') return ['true', 1];
  if (Array.isArray(value)) return ['x', { 0: value[0], length: 1 }, [42]];
  if (value === null) return [{}, 0];
  return [];
}

const label = (value: unknown) =>
  typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));

/** Shapes no handler may accept, derived from a valid request. */
function wrongShapes(request: Record<string, unknown>, optional: string[] = []) {
  const { type, ...fields } = request;
  const shapes: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['the type alone as a string', type],
    ['the request in an array', [request]],
    ['an extra field', { ...request, admin: true }],
    ['a polluted prototype', JSON.parse(`{"type":${JSON.stringify(type)},"__proto__":{"x":1}}`)],
    ['the type in upper case', { ...request, type: String(type).toUpperCase() }],
    ['the type with a space', { ...request, type: ` ${String(type)}` }],
    ['no type', fields],
  ];
  for (const [key, value] of Object.entries(fields)) {
    if (!optional.includes(key)) {
      const { [key]: _, ...without } = request;
      shapes.push([`no ${key}`, without]);
    }
    if (key !== 'data')
      for (const wrong of wrongKind(value))
        shapes.push([`${key} = ${label(wrong)}`, { ...request, [key]: wrong }]);
    if (typeof value === 'string')
      shapes.push([`${key} 100k chars`, { ...request, [key]: 'x'.repeat(100_000) }]);
  }
  if ('data' in fields)
    shapes.push(['data over 200 kB', { ...request, data: { x: 'x'.repeat(200_001) } }]);
  return shapes;
}

function setup() {
  const openStoreSpy = vi.fn(() => openStore({ name: `guards-${Math.random()}` }));
  const setPending = vi.fn(async () => undefined);
  const openPopup = vi.fn(async () => undefined);
  const inject = vi.fn(async () => undefined);
  const deps = { extensionId: EXT, extensionOrigin: ORIGIN, now: () => 1_000_000 };
  const handlers: Record<string, Handler> = {
    store: createBackgroundHandler({ ...deps, openStore: openStoreSpy, windowHours: 24 }),
    escalation: createEscalationHandler({ ...deps, openStore: openStoreSpy }),
    open: createOpenEscalationHandler({ ...deps, setPending, openPopup }),
    load: createLoadOverlayHandler({
      extensionId: EXT,
      extensionOrigin: ORIGIN,
      scriptablePatterns: async () => ['https://*.awraops.com/*'],
      inject,
    }),
  };
  // As entrypoints/background.ts wires them.
  const background = firstAnswer(
    handlers.store!,
    handlers.escalation!,
    handlers.open!,
    handlers.load!,
  );
  const touched = () =>
    openStoreSpy.mock.calls.length +
    setPending.mock.calls.length +
    openPopup.mock.calls.length +
    inject.mock.calls.length;
  return { handlers, background, touched };
}

describe.each(REQUESTS.map((r) => [r.request.type as string, r] as const))(
  '%s',
  (_, { handler, request, optional }) => {
    it('is answered for its allowed senders', async () => {
      for (const name of ALLOWED[handler]!) {
        const { background } = setup();
        const answer = await background(request, SENDERS[name]);
        expect(answer, name).toBeTypeOf('object');
      }
    });

    it.each(
      (Object.keys(SENDERS) as SenderName[]).filter((name) => !ALLOWED[handler]!.includes(name)),
    )('from %s: no answer, nothing touched', (name) => {
      const { handlers, background, touched } = setup();
      // Every handler, not only the one it is meant for: no other handler may pick it up either.
      for (const handle of [background, ...Object.values(handlers)])
        expect(handle(request, SENDERS[name])).toBeUndefined();
      expect(touched()).toBe(0);
    });

    it.each(wrongShapes(request, optional))('%s: no answer, nothing touched', (_, message) => {
      const { handlers, background, touched } = setup();
      for (const sender of Object.values(SENDERS))
        for (const handle of [background, ...Object.values(handlers)])
          expect(handle(message, sender)).toBeUndefined();
      expect(touched()).toBe(0);
    });
  },
);

describe('the background as wired', () => {
  it("does not answer the popup's question to the gate", () => {
    const { background } = setup();
    for (const sender of Object.values(SENDERS))
      expect(background({ type: 'get-analysis' }, sender)).toBeUndefined();
  });
});

describe("the gate's published entry", () => {
  const published = () => {
    const analyze = vi.fn(async () => ({
      url: 'https://acme.awraops.com/sync-hub',
      analysis: { page: null, records: [] },
    }));
    const scope: Record<string, { analysis(request: unknown): Promise<unknown> }> = {};
    publishGate(analyze, scope);
    return { analyze, entry: Object.values(scope)[0]! };
  };

  it('answers get-analysis', async () => {
    const { analyze, entry } = published();
    expect(await entry.analysis({ type: 'get-analysis' })).toMatchObject({ analysis: {} });
    expect(analyze).toHaveBeenCalledTimes(1);
  });

  it.each(wrongShapes({ type: 'get-analysis' }))('%s: no answer, page not read', async (_, m) => {
    const { analyze, entry } = published();
    expect(await entry.analysis(m)).toBeUndefined();
    expect(analyze).not.toHaveBeenCalled();
  });

  it.each(REQUESTS.map((r) => [r.request.type as string, r.request] as const))(
    '%s (a runtime request): no answer, page not read',
    async (_, request) => {
      const { analyze, entry } = published();
      expect(await entry.analysis(request)).toBeUndefined();
      expect(analyze).not.toHaveBeenCalled();
    },
  );
});

describe('random messages', () => {
  const types = REQUESTS.map((r) => r.request.type as string);
  const randomMessage = fc.oneof(
    fc.anything(),
    // Known types with random fields: closer to what a confused or hostile sender would try.
    fc
      .record({ type: fc.constantFrom(...types) })
      .chain((head) =>
        fc
          .dictionary(fc.string({ maxLength: 12 }), fc.anything())
          .map((rest) => ({ ...rest, ...head })),
      ),
  );

  it('never throw, and from a wrong sender never get an answer', () => {
    const { handlers, background } = setup();
    fc.assert(
      fc.property(randomMessage, fc.constantFrom(...Object.values(SENDERS)), (message, sender) => {
        for (const [name, handle] of Object.entries(handlers)) {
          const answer = handle(message, sender);
          if (!ALLOWED[name]!.some((allowed) => SENDERS[allowed] === sender))
            expect(answer).toBeUndefined();
        }
        background(message, sender); // the chain as wired: must not throw either
      }),
      { numRuns: 300 },
    );
  });
});

describe("the gate's plain check", () => {
  it('accepts exactly what ContentRequestSchema accepts', () => {
    const samples = [
      { type: 'get-analysis' },
      { type: 'get-analysis', extra: 1 },
      { type: 'get-analysis', __proto__: { x: 1 } },
      Object.create({ type: 'get-analysis' }),
      [{ type: 'get-analysis' }],
      { type: 'GET-ANALYSIS' },
      { type: 'load-overlay' },
      null,
      'get-analysis',
    ];
    for (const sample of samples)
      expect(isContentRequest(sample), JSON.stringify(sample)).toBe(
        ContentRequestSchema.safeParse(sample).success,
      );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ type: fc.constantFrom('get-analysis', 'get-record-state', '') }),
          fc.dictionary(fc.constantFrom('type', 'url', 'x'), fc.constant('get-analysis')),
        ),
        (message) => isContentRequest(message) === ContentRequestSchema.safeParse(message).success,
      ),
      { numRuns: 2000 },
    );
  });
});
