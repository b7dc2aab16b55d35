import { z } from 'zod';
import { MESSAGE_TYPES, PAGE_KINDS, STATUSES } from '../analyze/types';

const nullableText = z.string().max(200_000).nullable();

/** A SyncRecord as it crosses a message boundary (no DOM anchor). */
export const SerializedRecordSchema = z.object({
  recordNumber: nullableText,
  recordType: nullableText,
  connector: nullableText,
  syncRun: nullableText,
  status: z.enum(STATUSES).nullable(),
  message: nullableText,
  messageType: z.enum(MESSAGE_TYPES).nullable(),
  retryCount: z.number().int().min(0).nullable(),
  timestamp: nullableText,
  customer: nullableText,
  vendor: nullableText,
  amount: nullableText,
  module: nullableText,
  branch: nullableText,
  warehouse: nullableText,
  user: nullableText,
});

export const SerializedAnalysisSchema = z.object({
  page: z.enum(PAGE_KINDS).nullable(),
  records: z.array(SerializedRecordSchema).max(100_000),
});
export type SerializedAnalysis = z.infer<typeof SerializedAnalysisSchema>;
export type SerializedRecord = z.infer<typeof SerializedRecordSchema>;

/** Requests a content script answers; only the extension's own pages may send them. */
export const ContentRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('get-analysis') }),
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

export const GetAnalysisResponseSchema = z.object({
  url: z.string(),
  analysis: SerializedAnalysisSchema,
  /** The record the user last expanded or acted on in the overlay (its history key). */
  lastTouched: z
    .object({ connector: z.string().max(500), recordNumber: z.string().max(500) })
    .nullable()
    .optional(),
});
export type GetAnalysisResponse = z.infer<typeof GetAnalysisResponseSchema>;

/** Minimal view of a runtime message sender. */
export interface Sender {
  id?: string;
  tab?: unknown;
  url?: string;
}

/** True for messages from this extension's own pages or worker, never from a web page or tab. */
export function isFromExtension(
  sender: Sender,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  return (
    sender.id === extensionId &&
    !sender.tab &&
    (sender.url === undefined || sender.url.startsWith(extensionOrigin))
  );
}

/**
 * True for messages from this extension's own content script running in a tab. Web pages cannot
 * reach runtime.onMessage, but other extensions' and our own pages' messages must not pass as a
 * content script's: the id must be ours, the sender must be a tab, and the tab must not be one of
 * our own pages (its URL would be in our origin; a content script's is the web page's).
 */
export function isFromOwnContentScript(
  sender: Sender,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  return (
    typeof extensionId === 'string' &&
    extensionId.length > 0 &&
    extensionOrigin.length > 0 &&
    sender.id === extensionId &&
    typeof sender.tab === 'object' &&
    sender.tab !== null &&
    !(sender.url ?? '').startsWith(extensionOrigin)
  );
}
