import type { RulePack } from '../schema';

/** The failed-sync guide's first checks, in the guide's order. */
export const defaultFirstChecks: RulePack['firstChecks'] = [
  {
    id: 'record-ready',
    text: 'The source record is complete, approved, posted, or otherwise ready to sync.',
  },
  {
    id: 'open-sync-screen',
    text: 'Open Sync Hub, Integrations, QBO Sync or the module sync log for this record.',
  },
  {
    id: 'find-run',
    text: 'Find the sync run by record number, timestamp, customer or vendor, and connector.',
  },
  { id: 'read-message', text: 'Read the visible message before retrying.' },
  {
    id: 'check-mappings',
    text: 'Check the required mappings: account, tax, customer, vendor, item, warehouse and payment method.',
  },
  { id: 'fix-then-retry', text: 'Fix what is missing, then retry once, as your role allows.' },
  {
    id: 'compare-after-success',
    text: 'After a success, compare AWRA and the outside system using the same dates, statuses and filters.',
  },
  {
    id: 'wait-provider-confirmation',
    text: 'For a pending payment, wait for the provider\u2019s confirmation before trying again.',
  },
];

export const defaultCommonMistakes: RulePack['commonMistakes'] = [
  {
    id: 'blind-retry',
    text: 'Retrying without fixing the cause: the same message will come back.',
  },
  {
    id: 'manual-create',
    text: 'Creating the same invoice, customer, payment or item by hand in QuickBooks or the provider: it makes a duplicate once the sync succeeds.',
  },
  {
    id: 'escalate-without-details',
    text: 'Escalating without the record number or the exact sync message: support will ask for them again.',
  },
  {
    id: 'different-filters',
    text: 'Comparing AWRA and the outside system with different date or status filters.',
  },
];

const allChecks = [
  'record-ready',
  'open-sync-screen',
  'find-run',
  'read-message',
  'check-mappings',
  'fix-then-retry',
];

export const defaultGuidance: RulePack['guidance'] = {
  'missing-required-field': {
    label: 'Missing required field',
    cause:
      'The source record has a blank required value (customer, tax, item, account, amount, date or reference), so the outside system refused it.',
    action:
      'Open the source record, fill in the missing value named in the message, save it, then retry once.',
    whoMayAct: 'the user who owns the record, or a finance user',
    actingRoles: ['org-admin', 'finance', 'sales', 'procurement', 'inventory'],
    checks: ['record-ready', 'read-message', 'fix-then-retry'],
    mistakes: ['blind-retry', 'manual-create'],
    retryAdvice: 'after-fix',
  },
  'mapping-missing': {
    label: 'Mapping missing',
    cause:
      'An AWRA value (account, tax code, customer, vendor, item, warehouse, payment method or category) has no link to the outside system\u2019s value, or links to one that is inactive.',
    action:
      'Update the mapping in Settings > Integrations (mappings) so the AWRA value links to an active value in the outside system, then retry once.',
    whoMayAct: 'an authorized admin or finance user',
    actingRoles: ['org-admin', 'finance'],
    checks: ['read-message', 'check-mappings', 'fix-then-retry'],
    mistakes: ['blind-retry', 'manual-create'],
    retryAdvice: 'after-fix',
  },
  'authorization-failed': {
    label: 'Authorization failed',
    cause:
      'The connection to the outside system needs to be re-authorized: its token expired or was revoked, or its key is wrong.',
    action:
      'Reconnect (re-authorize) the connector in Integrations; if it cannot be restored, escalate to AWRA Support.',
    whoMayAct: 'the organization admin or the integration owner',
    actingRoles: ['org-admin'],
    checks: ['open-sync-screen', 'read-message'],
    mistakes: ['blind-retry', 'escalate-without-details'],
    retryAdvice: 'never',
  },
  'duplicate-detected': {
    label: 'Duplicate detected',
    cause:
      'The record may already exist in the outside system, for example from an earlier sync or a manual entry.',
    action:
      'Compare both systems (same dates, statuses and filters) before creating or retrying anything; link or remove the duplicate only once you know which one is right.',
    whoMayAct: 'an authorized admin or finance user',
    actingRoles: ['org-admin', 'finance'],
    checks: ['find-run', 'read-message', 'compare-after-success'],
    mistakes: ['manual-create', 'blind-retry', 'different-filters'],
    retryAdvice: 'compare-first',
  },
  'temporary-provider-issue': {
    label: 'Temporary provider issue',
    cause:
      'The outside service was slow, throttled or unavailable (a timeout, rate limit or server error).',
    action:
      'Wait a few minutes, then retry once if it is safe; if it keeps failing, check the provider\u2019s status and escalate.',
    whoMayAct: 'any user whose role shows the Retry action',
    actingRoles: ['org-admin', 'finance', 'sales', 'procurement', 'inventory', 'approver'],
    // A pending payment's wait for the provider is added by status (lib/guidance/checklist.ts).
    checks: ['read-message', 'fix-then-retry'],
    mistakes: ['blind-retry'],
    retryAdvice: 'wait-then-once',
  },
  'not-ready': {
    label: 'Not ready to sync',
    cause:
      'The source record is not complete, approved, posted or otherwise eligible to sync yet (for example it is a draft or awaits approval).',
    action:
      'Finish, approve or post the record first; it syncs (or can be retried once) after that.',
    whoMayAct: 'the record owner, or an approver for approvals',
    actingRoles: ['org-admin', 'finance', 'approver', 'sales', 'procurement', 'inventory'],
    checks: ['record-ready', 'read-message'],
    mistakes: ['blind-retry', 'manual-create'],
    retryAdvice: 'after-fix',
  },
  unknown: {
    label: 'Unrecognised message',
    cause: 'Sync Assist does not recognise this message yet.',
    action:
      'Read the message, work through the first checks, and capture the case for support with the record number and the exact message.',
    whoMayAct: 'anyone can capture the case; an admin or finance user decides on fixes',
    actingRoles: ['org-admin', 'finance'],
    checks: allChecks,
    mistakes: ['blind-retry', 'escalate-without-details'],
    retryAdvice: 'read-first',
  },
};

export const defaultRoles: RulePack['roles'] = [
  {
    id: 'org-admin',
    label: 'Organization Admin',
    aliases: ['Tenant Admin', 'Admin', 'Administrator'],
    retryLimit: 1,
    mayRetry: true,
  },
  {
    id: 'finance',
    label: 'Finance User',
    aliases: ['Accountant', 'Finance'],
    retryLimit: 1,
    mayRetry: true,
  },
  {
    id: 'sales',
    label: 'Sales/POS User',
    aliases: ['Sales User', 'POS User', 'Cashier'],
    retryLimit: 1,
    mayRetry: true,
  },
  {
    id: 'procurement',
    label: 'Procurement User',
    aliases: ['Purchasing'],
    retryLimit: 1,
    mayRetry: true,
  },
  {
    id: 'inventory',
    label: 'Inventory User',
    aliases: ['Storekeeper', 'Warehouse User'],
    retryLimit: 1,
    mayRetry: true,
  },
  { id: 'approver', label: 'Approver', aliases: [], retryLimit: 0, mayRetry: false },
  {
    id: 'vendor',
    label: 'Vendor User',
    aliases: ['Supplier User'],
    retryLimit: 0,
    mayRetry: false,
  },
];

export const defaultEscalation: RulePack['escalation'] = {
  connectorFailureThreshold: 5,
  windowHours: 24,
  triggers: [
    { id: 'connector-wide', text: 'The same connector is failing for many records.' },
    // Worded as what the page and the history show, not as what someone may have tried.
    {
      id: 'authorization-not-restorable',
      text: 'Authorization still fails after a retry: escalate if the organization admin cannot restore the connection.',
    },
    {
      id: 'retry-limit-exceeded',
      text: 'The retry limit was reached and the same message came back.',
    },
    { id: 'business-blocked', text: 'Financial close, billing or customer delivery is blocked.' },
    { id: 'totals-mismatch', text: 'A retry succeeded but the outside totals still do not match.' },
  ],
  formatFields: [
    'connector',
    'recordNumber',
    'syncRun',
    'status',
    'message',
    'retryCount',
    'expectedResult',
    'whatChanged',
  ],
  template: [
    'Connector: {connector}',
    'Record number: {recordNumber}',
    'Sync run: {syncRun}',
    'Status: {status}',
    'Exact message: {message}',
    'Retry count: {retryCount}',
    'Expected result: {expectedResult}',
    'What changed recently: {whatChanged}',
  ].join('\n'),
};

export const defaultSupport: RulePack['support'] = {
  email: 'support@awraops.com',
  url: 'https://awraops.com/help/docs/support',
  failedSyncGuide: 'https://awraops.com/help/docs/troubleshoot-failed-sync',
};
