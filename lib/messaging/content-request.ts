import { z } from '../zod-mini';

/**
 * Requests a content script answers; only the extension's own pages may send them. The always-on
 * gate checks them with content-handler.ts isContentRequest (held equal to this schema by a test)
 * and the overlay validates them here again before it reads the page.
 */
export const ContentRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('get-analysis') }),
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

/** The content script's request to the background: load the overlay into this frame. */
export const LoadOverlayRequestSchema = z.strictObject({ type: z.literal('load-overlay') });
export type LoadOverlayRequest = z.infer<typeof LoadOverlayRequestSchema>;
