import { z } from '../zod';
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

export { ContentRequestSchema, type ContentRequest } from './content-request';

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

export { isFromExtension, isFromOwnContentScript, siteOf, type Sender } from './senders';
