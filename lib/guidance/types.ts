/** Inputs and outputs of the guidance layer: pure data, no DOM or extension APIs. */
import type { z } from 'zod';
import type { MessageType, Status } from '../analyze/types';
import type { SerializedRecordSchema } from '../messaging/protocol';
import type { RulePack } from '../rules/schema';

/** A SyncRecord without its DOM anchor, as the popup and background see it. */
export type SerializedRecord = z.infer<typeof SerializedRecordSchema>;

/** One retry the user made through the overlay, as stored by the background. */
export interface RetryAttempt {
  /** Epoch milliseconds of the click. */
  at: number;
  /** The message visible when the user clicked retry. */
  message: string | null;
  /** The record's status after the retry; null until it is known. */
  outcome: Status | null;
  /** The user chose "retry anyway" past the limit. */
  overridden: boolean;
}

/** Our own record of retries for one connector + record number, oldest first. */
export interface RecordHistory {
  attempts: RetryAttempt[];
}

export interface GuidanceInput {
  record: SerializedRecord;
  pack: RulePack;
  /** The user's role id (or an AWRA role name); unknown ids fall back to the pack's default. */
  roleId: string;
  history: RecordHistory;
  /** Distinct failing records for this connector: on the page plus seen in the pack's window. */
  connectorFailures: number;
  /** Epoch milliseconds. */
  now: number;
}

export interface ChecklistEntry {
  id: string;
  text: string;
}

export interface RetryDecision {
  /** The role's retries allowed per failure while the message stays the same. */
  limit: number;
  /** Retries already made for this failure: AWRA's count or ours, whichever is higher. */
  used: number;
  /** The message after our last retry is the one showing now. */
  sameMessage: boolean;
  /** At least one retry was spent on the message showing now, and the role's limit is used up. */
  limitReached: boolean;
  /** A retry now goes against the rules (limit used up, or the role does not retry): intercept it. */
  blocked: boolean;
  /** Why retrying is not advised, in plain words; null when it is fine. */
  reason: string | null;
  /** The user may retry now (role allows it, record is failing, not blocked). */
  mayRetry: boolean;
}

export interface GuidanceView {
  type: MessageType;
  label: string;
  cause: string;
  /** What to do, phrased for the role: do it (and where), or whom to ask. */
  action: string;
  whoMayAct: string;
  youMayAct: boolean;
  /** First checks that apply, in the guide's order. */
  checks: ChecklistEntry[];
  /** Common mistakes that apply, most important first. */
  mistakes: ChecklistEntry[];
  retry: RetryDecision;
  /** Escalation triggers that hold now. */
  escalation: ChecklistEntry[];
  guideUrl: string;
  supportUrl: string;
  /** Advice to wait (temporary provider issue, pending payment); null otherwise. */
  waitAdvice: string | null;
}
