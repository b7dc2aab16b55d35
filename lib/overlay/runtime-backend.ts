import type { z } from 'zod/mini';
import type { MessageType, Status } from '../analyze/types';
import { LIMITS, StoreResponseSchemas, type StoreRequest } from '../messaging/store-protocol';
import { emptyState, type OverlayBackend } from './backend';

/**
 * The overlay's backend over runtime messages to the background, which owns IndexedDB. Answers
 * are validated too: a missing or malformed answer reads as "history unavailable".
 */
/** Keeps values inside the message limits: one oversized field would get the request refused. */
const fit = <T extends { connector: string; recordNumber: string; message?: string | null }>(
  ref: T,
): T => ({
  ...ref,
  connector: ref.connector.slice(0, LIMITS.connector),
  recordNumber: ref.recordNumber.slice(0, LIMITS.recordNumber),
  ...(ref.message !== undefined ? { message: ref.message?.slice(0, LIMITS.message) ?? null } : {}),
});

/** Why a write was not kept: the store's reason, or no valid answer from the background. */
const notSaved = (answer: { available: false; reason: string } | null) =>
  answer?.reason ?? 'The background did not answer.';

export function runtimeBackend(send: (message: StoreRequest) => Promise<unknown>): OverlayBackend {
  async function ask<S extends z.ZodMiniType>(
    message: StoreRequest,
    schema: S,
  ): Promise<z.infer<S> | null> {
    const parsed = schema.safeParse(await send(message).catch(() => undefined));
    return parsed.success ? parsed.data : null;
  }
  return {
    async recordState(ref) {
      const answer = await ask(
        { type: 'get-record-state', ...fit(ref) },
        StoreResponseSchemas['get-record-state'],
      );
      if (!answer || answer.available === false) return emptyState(false);
      return {
        available: true,
        history: answer.history,
        ticks: answer.checklist?.ticks ?? [],
        collapsed: answer.checklist?.collapsed ?? false,
        dismissed: answer.checklist?.dismissed ?? false,
      };
    },
    async noteFailures(records) {
      // Each record kept inside the limits: one oversized value would get the batch refused.
      const reports = records.map((r) => ({
        ...fit(r),
        messageType: r.messageType as MessageType | null,
      }));
      const answer = await ask(
        { type: 'note-failures', records: reports },
        StoreResponseSchemas['note-failures'],
      );
      return answer && answer.available !== false ? answer.connectorFailures : {};
    },
    async recordRetry(ref) {
      const answer = await ask(
        { type: 'record-retry', ...fit(ref) },
        StoreResponseSchemas['record-retry'],
      );
      if (!answer || answer.available === false) throw new Error(notSaved(answer));
    },
    async recordOutcome(ref) {
      await ask(
        { type: 'record-outcome', ...fit(ref), outcome: ref.outcome as Status },
        StoreResponseSchemas['record-outcome'],
      );
    },
    async openEscalation(ref) {
      const answer = (await send({
        type: 'open-escalation',
        recordNumber: ref.recordNumber.slice(0, LIMITS.recordNumber),
        connector: ref.connector.slice(0, LIMITS.connector),
        trigger: ref.trigger,
      } as unknown as StoreRequest).catch(() => undefined)) as { opened?: unknown } | undefined;
      return answer?.opened === true;
    },
    async saveRecordState(ref, state) {
      const answer = await ask(
        {
          type: 'set-checklist',
          ...fit(ref),
          ticks: state.ticks,
          collapsed: state.collapsed,
          dismissed: state.dismissed,
        },
        StoreResponseSchemas['set-checklist'],
      );
      if (!answer || answer.available === false) throw new Error(notSaved(answer));
    },
  };
}
