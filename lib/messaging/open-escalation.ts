import { z } from '../zod';
import { isFromOwnContentScript, type Sender } from './protocol';

/** The overlay's "Prepare an escalation": the background remembers the record and opens the popup. */
export const OpenEscalationSchema = z.strictObject({
  type: z.literal('open-escalation'),
  recordNumber: z.string().min(1).max(200).nullable(),
  connector: z.string().min(1).max(200).nullable(),
  // A pack's trigger id (lib/rules/schema.ts shortText: up to 200 characters).
  trigger: z.string().min(1).max(200).nullable(),
});
export type OpenEscalation = z.infer<typeof OpenEscalationSchema>;

export interface PendingEscalation {
  recordNumber: string | null;
  connector: string | null;
  trigger: string | null;
  at: number;
}

export interface OpenEscalationDeps {
  extensionId: string;
  /** browser.runtime.getURL('/'): our own pages (in this origin) are not content scripts. */
  extensionOrigin: string;
  now(): number;
  /** storage.session: readable by the popup, not by pages or content scripts. */
  setPending(pending: PendingEscalation): Promise<void>;
  openPopup(): Promise<void>;
}

/** Answers `{ opened }` to this extension's content scripts; anything else gets no answer. */
export function createOpenEscalationHandler(deps: OpenEscalationDeps) {
  return (message: unknown, sender: Sender): Promise<{ opened: boolean }> | undefined => {
    if (!isFromOwnContentScript(sender, deps.extensionId, deps.extensionOrigin)) return undefined;
    const parsed = OpenEscalationSchema.safeParse(message);
    if (!parsed.success) return undefined;
    const { recordNumber, connector, trigger } = parsed.data;
    return deps
      .setPending({ recordNumber, connector, trigger, at: deps.now() })
      .then(() => deps.openPopup())
      .then(
        () => ({ opened: true }),
        () => ({ opened: false }),
      );
  };
}
