import { RULE_PACK_SCHEMA_VERSION, type RulePack } from '../schema';
import { defaultFields } from './fields';
import {
  defaultCommonMistakes,
  defaultEscalation,
  defaultFirstChecks,
  defaultGuidance,
  defaultRoles,
  defaultSupport,
} from './guidance';
import { defaultMessageRules } from './messages';
import { defaultPages } from './pages';
import {
  defaultConnectorAliases,
  defaultConnectors,
  defaultRecordTypes,
  defaultRetryControls,
  defaultStatuses,
} from './vocabulary';

/** The built-in pack: the team's reading of AWRA's help center (shared/awra/domain.md). */
export const defaultRulePack: RulePack = {
  schemaVersion: RULE_PACK_SCHEMA_VERSION,
  name: 'AWRA built-in rules',
  revision: 1,
  sites: ['https://*.awraops.com/*'],
  pages: defaultPages,
  fields: defaultFields,
  statuses: defaultStatuses,
  recordTypes: defaultRecordTypes,
  attemptNumberLabels: ['attempt', 'attempt #', 'attempt no', 'attempt number', 'try', 'try #'],
  syncRunPrefixes: ['SR', 'RUN', 'SYNC', 'JOB', 'BATCH', 'QBO-RUN'],
  modules: [
    'Sales',
    'POS',
    'Point of Sale',
    'Procurement',
    'Purchasing',
    'Inventory',
    'Finance',
    'Accounting',
  ],
  connectors: defaultConnectors,
  connectorAliases: defaultConnectorAliases,
  messageRules: defaultMessageRules,
  guidance: defaultGuidance,
  firstChecks: defaultFirstChecks,
  commonMistakes: defaultCommonMistakes,
  roles: defaultRoles,
  defaultRole: 'finance',
  retryControls: defaultRetryControls,
  escalation: defaultEscalation,
  support: defaultSupport,
  maxMessageLength: 2000,
};
