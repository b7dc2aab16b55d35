/**
 * Runtime messages between the extension's own pages (the popup) and the background's escalation
 * history. Content scripts never get an answer to these (lib/messaging/escalation-handler.ts).
 */
import { MESSAGE_TYPES, STATUSES } from '../analyze/types';
import { z } from '../zod';
import { siteOf } from './senders';
import { UnavailableSchema, type Unavailable } from './store-protocol';

export const ESCALATION_LIMITS = {
  connector: 200,
  recordNumber: 200,
  message: 10_000,
  note: 2000,
  /** UTF-8 bytes of the escalation's JSON. */
  dataBytes: 200_000,
  /** Items one list answer may carry. */
  list: 1000,
} as const;
const L = ESCALATION_LIMITS;

/** Items a list request without a limit gets. */
export const DEFAULT_LIST_LIMIT = 200;

/** UTF-8 size of the value's JSON; null when it has none (undefined, a cycle, a BigInt). */
export function jsonBytes(value: unknown): number | null {
  try {
    const json: unknown = JSON.stringify(value);
    return typeof json === 'string' ? new TextEncoder().encode(json).length : null;
  } catch {
    return null;
  }
}

/** The escalation itself, opaque here: any JSON value up to 200 kB. */
export const EscalationDataSchema = z.unknown().refine((value) => {
  const bytes = jsonBytes(value);
  return bytes !== null && bytes <= L.dataBytes;
}, 'The escalation must be JSON of at most 200 kB.');

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const recordNumber = z.string().trim().min(1).max(L.recordNumber);
/** Kept verbatim; must not be blank. */
const message = z
  .string()
  .max(L.message)
  .refine((text) => text.trim().length > 0, 'The exact message is required.');
const connector = z.string().max(L.connector).nullable();

export const EscalationRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('escalation-save'),
    recordNumber,
    message,
    connector,
    data: EscalationDataSchema,
  }),
  z.strictObject({
    type: z.literal('escalation-list'),
    limit: z.number().int().min(1).max(L.list).optional(),
  }),
  z.strictObject({ type: z.literal('escalation-get'), id }),
  z.strictObject({
    type: z.literal('escalation-add-note'),
    id,
    text: z.string().trim().min(1).max(L.note),
  }),
  z.strictObject({ type: z.literal('escalation-delete'), id }),
  z.strictObject({ type: z.literal('escalation-delete-all') }),
  z.strictObject({ type: z.literal('escalation-find-recent'), recordNumber, message }),
  /**
   * What the overlay recorded for one record: its retries and the first checks ticked; with
   * `shown` (what the page shows of it) also the escalation trigger the overlay's card would name.
   */
  z.strictObject({
    type: z.literal('escalation-record-state'),
    /** The tab's AWRA site (its page's origin): history is kept per site. */
    site: z
      .string()
      .max(300)
      .refine((text) => siteOf(text) === text, 'The site must be an http(s) origin.'),
    connector: z.string().min(1).max(L.connector),
    recordNumber,
    shown: z
      .strictObject({
        status: z.enum(STATUSES).nullable(),
        // The longest message a rule pack may read (maxMessageLength).
        message: z.string().max(100_000).nullable(),
        messageType: z.enum(MESSAGE_TYPES).nullable(),
        retryCount: z.number().int().min(0).max(1_000_000).nullable(),
        /** Failing records of the same connector on the page. */
        pageFailures: z.number().int().min(0).max(100_000),
      })
      .optional(),
  }),
]);
export type EscalationRequest = z.infer<typeof EscalationRequestSchema>;
export type EscalationRequestType = EscalationRequest['type'];

export const StoredEscalationSchema = z.object({
  id,
  createdAt: z.number(),
  updatedAt: z.number(),
  recordNumber: z.string(),
  message: z.string(),
  connector: z.string().nullable(),
  data: z.unknown(),
  notes: z.array(z.object({ at: z.number(), text: z.string() })),
});

const ok = <T extends z.ZodRawShape>(shape: T) =>
  z.union([z.object({ available: z.literal(true), ...shape }), UnavailableSchema]);

export const EscalationResponseSchemas = {
  'escalation-save': ok({ id }),
  /** Newest first. */
  'escalation-list': ok({ items: z.array(StoredEscalationSchema) }),
  'escalation-get': ok({ item: StoredEscalationSchema.nullable() }),
  /** item: the escalation with the note added; null when it no longer exists. */
  'escalation-add-note': ok({ item: StoredEscalationSchema.nullable() }),
  'escalation-delete': ok({ deleted: z.boolean() }),
  /** deleted: how many there were. */
  'escalation-delete-all': ok({ deleted: z.number().int().min(0) }),
  /** The newest escalation of the same record and message within the last 24 hours. */
  'escalation-find-recent': ok({ item: StoredEscalationSchema.nullable() }),
  /**
   * retries: attempts made through the overlay; checksTicked: first-check ids; trigger: the
   * first escalation trigger that holds for what the page shows (null without `shown`).
   */
  'escalation-record-state': ok({
    retries: z.number().int().min(0),
    checksTicked: z.array(z.string()),
    trigger: z.string().nullable(),
  }),
} satisfies Record<EscalationRequestType, z.ZodType>;

export type EscalationResponse<T extends EscalationRequestType> = z.infer<
  (typeof EscalationResponseSchemas)[T]
>;
export type EscalationAnswer<T extends EscalationRequestType> = Exclude<
  EscalationResponse<T>,
  Unavailable
>;

/** Validates the answer to a request of this type; null when it is missing or malformed. */
export function parseEscalationResponse<T extends EscalationRequestType>(
  type: T,
  value: unknown,
): EscalationResponse<T> | null {
  const schema = EscalationResponseSchemas[type] as unknown as z.ZodType<EscalationResponse<T>>;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
