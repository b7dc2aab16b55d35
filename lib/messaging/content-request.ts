import { z } from '../zod-mini';

/**
 * Requests the gate answers (the popup runs lib/gate/entry.ts askGate in the tab). The gate
 * checks them with isContentRequest (held equal to this schema by a test) and the overlay
 * validates them here again before it reads the page.
 */
export const ContentRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('get-analysis') }),
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

/** The content script's request to the background: load the overlay into this frame. */
export const LoadOverlayRequestSchema = z.strictObject({ type: z.literal('load-overlay') });
export type LoadOverlayRequest = z.infer<typeof LoadOverlayRequestSchema>;
