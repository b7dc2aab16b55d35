/** History retention: escalations older than the retention period are dropped. */

export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A missing, zero, negative or non-numeric setting falls back to the default, never "keep none". */
const days = (retentionDays: number) =>
  Number.isFinite(retentionDays) && retentionDays > 0 ? retentionDays : DEFAULT_RETENTION_DAYS;

/** True when an entry created at `createdAt` is past the retention period at `now`. */
export function isExpired(
  createdAt: number,
  now: number,
  retentionDays = DEFAULT_RETENTION_DAYS,
): boolean {
  return now - createdAt > days(retentionDays) * DAY_MS;
}

/** The entries still within the retention period, in their original order. */
export function pruneOld<T extends { createdAt: number }>(
  list: readonly T[],
  now: number,
  retentionDays = DEFAULT_RETENTION_DAYS,
): T[] {
  return list.filter((esc) => !isExpired(esc.createdAt, now, retentionDays));
}
