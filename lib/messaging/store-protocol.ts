/**
 * Runtime messages between the content script and the background's store (IndexedDB lives only in
 * the extension's origin). Every request is validated here before the background acts on it.
 */
import { z } from '../zod-mini';
import { MESSAGE_TYPES, STATUSES } from '../analyze/types';

export const LIMITS = {
  connector: 200,
  recordNumber: 200,
  message: 10_000,
  tick: 200,
  ticks: 200,
  failures: 5000,
} as const;

const connector = z.string().check(z.minLength(1), z.maxLength(LIMITS.connector));
const recordNumber = z.string().check(z.minLength(1), z.maxLength(LIMITS.recordNumber));
const message = z.nullable(z.string().check(z.maxLength(LIMITS.message)));
const ref = { connector, recordNumber };

export const FailureReportSchema = z.strictObject({
  ...ref,
  messageType: z.nullable(z.enum(MESSAGE_TYPES)),
  message,
});

export const StoreRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('get-record-state'), ...ref }),
  z.strictObject({ type: z.literal('record-retry'), ...ref, message, overridden: z.boolean() }),
  z.strictObject({ type: z.literal('record-outcome'), ...ref, outcome: z.enum(STATUSES) }),
  z.strictObject({
    type: z.literal('note-failures'),
    records: z.array(FailureReportSchema).check(z.maxLength(LIMITS.failures)),
  }),
  z.strictObject({
    type: z.literal('set-checklist'),
    ...ref,
    ticks: z
      .array(z.string().check(z.minLength(1), z.maxLength(LIMITS.tick)))
      .check(z.maxLength(LIMITS.ticks)),
    collapsed: z.boolean(),
    dismissed: z.boolean(),
  }),
]);
export type StoreRequest = z.infer<typeof StoreRequestSchema>;
export type StoreRequestType = StoreRequest['type'];

const AttemptSchema = z.object({
  at: z.number(),
  message: z.nullable(z.string()),
  outcome: z.nullable(z.enum(STATUSES)),
  overridden: z.boolean(),
});
const HistorySchema = z.object({ attempts: z.array(AttemptSchema) });
const ChecklistSchema = z.object({
  ticks: z.array(z.string()),
  collapsed: z.boolean(),
  dismissed: z.boolean(),
  updatedAt: z.number(),
});

/** Any request may be answered with this when the store cannot be opened or written. */
export const UnavailableSchema = z.object({ available: z.literal(false), reason: z.string() });
export type Unavailable = z.infer<typeof UnavailableSchema>;

const ok = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.union([z.object({ available: z.literal(true), ...shape }), UnavailableSchema]);

export const StoreResponseSchemas = {
  'get-record-state': ok({
    history: HistorySchema,
    checklist: z.nullable(ChecklistSchema),
  }),
  'record-retry': ok({ history: HistorySchema }),
  /** updated: false when no attempt was waiting for an outcome. */
  'record-outcome': ok({ updated: z.boolean() }),
  /** Per connector in the batch: distinct records failing within the window, these included. */
  'note-failures': ok({ connectorFailures: z.record(z.string(), z.int().check(z.gte(0))) }),
  'set-checklist': ok({}),
} satisfies Record<StoreRequestType, z.ZodMiniType>;

export type StoreResponse<T extends StoreRequestType> = z.infer<(typeof StoreResponseSchemas)[T]>;

/** Validates the answer to a request of this type; null when it is missing or malformed. */
export function parseStoreResponse<T extends StoreRequestType>(
  type: T,
  value: unknown,
): StoreResponse<T> | null {
  const parsed = (
    StoreResponseSchemas[type] as unknown as z.ZodMiniType<StoreResponse<T>>
  ).safeParse(value);
  return parsed.success ? parsed.data : null;
}
