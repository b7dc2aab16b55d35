/** The guidance layer: pure functions from a record, a rule pack, a role and history to advice. */
export { guidanceFor } from './guidance';
export { retryDecision } from './retry';
export { escalationTriggers } from './escalation';
export { summarize, type FailureSummary, type TypeCount, type ConnectorCount } from './summary';
export { resolveRole } from './role';
export { isFailure, isRetryableStatus, isPendingPayment } from './status';
export { sameMessage } from './messages';
export type {
  ChecklistEntry,
  GuidanceInput,
  GuidanceView,
  RecordHistory,
  RetryAttempt,
  RetryDecision,
  SerializedRecord,
} from './types';
