import * as z from 'zod/mini';

/**
 * Requests a content script answers; only the extension's own pages may send them. Written with
 * zod/mini: the always-on content script validates them, and it must stay a few kilobytes.
 */
export const ContentRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('get-analysis') }),
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

/** The content script's request to the background: load the overlay into this frame. */
export const LoadOverlayRequestSchema = z.strictObject({ type: z.literal('load-overlay') });
export type LoadOverlayRequest = z.infer<typeof LoadOverlayRequestSchema>;
