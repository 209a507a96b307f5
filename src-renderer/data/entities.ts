import {
  type Attachment,
  ATTACHMENT_SCHEMA_VERSION,
  attachmentSchema,
  attachmentSingleLineFields,
  upgradeAttachmentV1,
} from '../../src-shared/domain/attachment';
import {
  type Assignment,
  ASSIGNMENT_SCHEMA_VERSION,
  assignmentSchema,
  upgradeAssignmentV1,
  upgradeAssignmentV2,
  assignmentSingleLineFields,
} from '../../src-shared/domain/assignment';
import {
  type Client,
  CLIENT_SCHEMA_VERSION,
  clientMigrations,
  clientSchema,
  clientSingleLineFields,
} from '../../src-shared/domain/client';
import { type Goal, GOAL_SCHEMA_VERSION, goalSchema } from '../../src-shared/domain/goal';
import {
  type PracticeLog,
  PRACTICE_LOG_SCHEMA_VERSION,
  practiceLogSchema,
  practiceLogSingleLineFields,
} from '../../src-shared/domain/practice-log';
import {
  PREFERENCES_SCHEMA_VERSION,
  preferencesSingleLineFields,
  upgradePreferencesV1,
  upgradePreferencesV2,
  type VaultPreferences,
  vaultPreferencesSchema,
} from '../../src-shared/domain/preferences';
import {
  type Review,
  REVIEW_SCHEMA_VERSION,
  reviewSchema,
  upgradeReviewV1,
} from '../../src-shared/domain/review';
import {
  INSIGHT_SUMMARY_SCHEMA_VERSION,
  type InsightSummary,
  insightSummarySchema,
} from '../../src-shared/domain/insight-summary';
import {
  SESSION_CALENDAR_SCHEMA_VERSION,
  type SessionCalendar,
  sessionCalendarSchema,
} from '../../src-shared/domain/session-calendar';
import {
  type Session,
  SESSION_SCHEMA_VERSION,
  sessionSchema,
  sessionSingleLineFields,
  upgradeSessionV1,
  upgradeSessionV2,
} from '../../src-shared/domain/session';
import {
  type CustomTemplate,
  customTemplateSchema,
  customTemplateSingleLineFields,
  TEMPLATE_SCHEMA_VERSION,
  upgradeTemplateContentV1,
} from '../../src-shared/domain/template';
import {
  type VaultLogEntry,
  VAULT_LOG_SCHEMA_VERSION,
  vaultLogEntrySchema,
  vaultLogSingleLineFields,
} from '../../src-shared/domain/vault-log';
import type { EntityDefinition } from './encrypted-table';

/** How each entity of the domain model is stored: table, schema, version, upgrades. */
export const entities = {
  clients: {
    table: 'clients',
    schema: clientSchema,
    schemaVersion: CLIENT_SCHEMA_VERSION,
    migrations: clientMigrations,
    singleLineFields: clientSingleLineFields,
  },
  goals: { table: 'goals', schema: goalSchema, schemaVersion: GOAL_SCHEMA_VERSION },
  sessions: {
    table: 'sessions',
    schema: sessionSchema,
    schemaVersion: SESSION_SCHEMA_VERSION,
    singleLineFields: sessionSingleLineFields,
    migrations: {
      1: (old) => upgradeSessionV1(old as Record<string, unknown>),
      2: (old) => upgradeSessionV2(old as Record<string, unknown>),
    },
  },
  sessionCalendars: {
    table: 'sessionCalendars',
    schema: sessionCalendarSchema,
    schemaVersion: SESSION_CALENDAR_SCHEMA_VERSION,
    holdsText: false,
  },
  templates: {
    table: 'templates',
    schema: customTemplateSchema,
    schemaVersion: TEMPLATE_SCHEMA_VERSION,
    singleLineFields: customTemplateSingleLineFields,
    migrations: { 1: (old) => upgradeTemplateContentV1(old as Record<string, unknown>) },
  },
  assignments: {
    table: 'assignments',
    schema: assignmentSchema,
    schemaVersion: ASSIGNMENT_SCHEMA_VERSION,
    singleLineFields: assignmentSingleLineFields,
    migrations: {
      1: (old) => upgradeAssignmentV1(old as Record<string, unknown>),
      2: (old) => upgradeAssignmentV2(old as Record<string, unknown>),
    },
  },
  practiceLogs: {
    table: 'practiceLogs',
    schema: practiceLogSchema,
    schemaVersion: PRACTICE_LOG_SCHEMA_VERSION,
    singleLineFields: practiceLogSingleLineFields,
  },
  reviews: {
    table: 'reviews',
    schema: reviewSchema,
    schemaVersion: REVIEW_SCHEMA_VERSION,
    migrations: { 1: (old) => upgradeReviewV1(old as Record<string, unknown>) },
  },
  insightSummaries: {
    table: 'insightSummaries',
    schema: insightSummarySchema,
    schemaVersion: INSIGHT_SUMMARY_SCHEMA_VERSION,
    holdsText: false,
  },
  attachments: {
    table: 'attachments',
    schema: attachmentSchema,
    schemaVersion: ATTACHMENT_SCHEMA_VERSION,
    singleLineFields: attachmentSingleLineFields,
    migrations: { 1: (old) => upgradeAttachmentV1(old as Record<string, unknown>) },
  },
  log: {
    table: 'log',
    schema: vaultLogEntrySchema,
    schemaVersion: VAULT_LOG_SCHEMA_VERSION,
    singleLineFields: vaultLogSingleLineFields,
  },
  preferences: {
    table: 'preferences',
    schema: vaultPreferencesSchema,
    schemaVersion: PREFERENCES_SCHEMA_VERSION,
    singleLineFields: preferencesSingleLineFields,
    migrations: {
      1: (old) => upgradePreferencesV1(old as Record<string, unknown>),
      2: (old) => upgradePreferencesV2(old as Record<string, unknown>),
    },
  },
} satisfies {
  clients: EntityDefinition<Client>;
  goals: EntityDefinition<Goal>;
  sessions: EntityDefinition<Session>;
  sessionCalendars: EntityDefinition<SessionCalendar>;
  templates: EntityDefinition<CustomTemplate>;
  assignments: EntityDefinition<Assignment>;
  practiceLogs: EntityDefinition<PracticeLog>;
  reviews: EntityDefinition<Review>;
  insightSummaries: EntityDefinition<InsightSummary>;
  attachments: EntityDefinition<Attachment>;
  log: EntityDefinition<VaultLogEntry>;
  preferences: EntityDefinition<VaultPreferences>;
};
