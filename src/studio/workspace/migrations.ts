import { TEAM_MIGRATION_SQL } from './team-migration.js';

/**
 * The workspace schema, one numbered migration at a time. A migration runs once, in its own
 * transaction, and is recorded in schema_migrations and PRAGMA user_version; never edit one
 * that has shipped: add the next.
 */
export type Migration = { version: number; name: string; sql: string };

const versionTable = (table: 'tariff_versions' | 'rule_versions', subject: string): string => `
CREATE TABLE ${table} (
  id          INTEGER PRIMARY KEY,
  effective   TEXT NOT NULL CHECK (effective GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  status      TEXT NOT NULL CHECK (status IN ('draft', 'in-review', 'approved', 'superseded')),
  based_on    INTEGER REFERENCES ${table}(id),
  title       TEXT NOT NULL DEFAULT '',
  data        TEXT NOT NULL CHECK (json_valid(data)),
  meta        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta)),
  revision    INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL DEFAULT '',
  updated_at  TEXT NOT NULL
);
-- Two versions in force from the same date would make "the version in force" ambiguous; drafts may share a date.
CREATE UNIQUE INDEX ${table}_effective ON ${table}(effective) WHERE status <> 'draft';
-- An approved (or in-review, or superseded) version is never edited: editing starts a draft.
CREATE TRIGGER ${table}_frozen BEFORE UPDATE OF data, effective, based_on ON ${table} WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'VERSION_NOT_DRAFT: only a draft ${subject} version can be edited'); END;
CREATE TRIGGER ${table}_kept BEFORE DELETE ON ${table} WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'VERSION_NOT_DRAFT: only a draft ${subject} version can be deleted'); END;
`;

const COLUMNS = ['id', 'effective', 'status', 'based_on', 'title', 'data', 'meta', 'revision', 'created_at', 'created_by', 'updated_at'] as const;

/** Migration 4 for one version table: every column of an approved or superseded row frozen; no INSERT replaces a row. */
const freezeVersions = (table: 'tariff_versions' | 'rule_versions', subject: string): string => `
-- An approved or superseded version is frozen in every column. The one change allowed is an approved
-- version's status moving to superseded, with every other column as it was.
CREATE TRIGGER ${table}_approved_frozen BEFORE UPDATE ON ${table} WHEN OLD.status IN ('approved', 'superseded') AND NOT (
  OLD.status = 'approved' AND NEW.status = 'superseded' AND ${COLUMNS.filter((c) => c !== 'status')
    .map((c) => `NEW.${c} IS OLD.${c}`)
    .join(' AND ')})
BEGIN SELECT RAISE(ABORT, 'VERSION_NOT_DRAFT: an approved ${subject} version is frozen in every column; only its status may move from approved to superseded'); END;
-- INSERT OR REPLACE deletes the row it replaces without firing a DELETE trigger: refuse the INSERT instead.
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table} WHEN (NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM ${table} WHERE id = NEW.id))
  OR (NEW.status <> 'draft' AND EXISTS (SELECT 1 FROM ${table} WHERE effective = NEW.effective AND status <> 'draft'))
BEGIN SELECT RAISE(ABORT, 'VERSION_ID_TAKEN: a ${subject} version with this id (or an approved one of this date) exists; a new version is inserted with a new id'); END;
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tariff and rule versions, drafts, folder files, audit log',
    sql: `
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (json_valid(value)));
${versionTable('tariff_versions', 'tariff')}
${versionTable('rule_versions', 'rule')}
-- Files of rules/ and tariffs/ that are not version data (the terms text, READMEs), kept byte for byte.
CREATE TABLE folder_files (
  root    TEXT NOT NULL CHECK (root IN ('rules', 'tariffs')),
  path    TEXT NOT NULL,
  content BLOB NOT NULL,
  PRIMARY KEY (root, path)
);
-- Append-only and hash-chained (src/io/audit-chain.ts): each entry's hash covers its content and the previous hash.
CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  target    TEXT NOT NULL,
  before    TEXT NOT NULL CHECK (json_valid(before)),
  after     TEXT NOT NULL CHECK (json_valid(after)),
  comment   TEXT,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL UNIQUE
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY: the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY: the audit log is append-only'); END;
`,
  },
  {
    version: 2,
    name: 'legal review: reviews of rule versions (submissions and approvals with the reviewer and comment)',
    sql: `
-- One row per review step of a rule version; the audit log holds the same step hash-chained.
CREATE TABLE reviews (
  id           INTEGER PRIMARY KEY,
  rule_version INTEGER NOT NULL REFERENCES rule_versions(id),
  step         TEXT NOT NULL CHECK (step IN ('submitted', 'withdrawn', 'approved')),
  reviewer     TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
  comment      TEXT NOT NULL,
  at           TEXT NOT NULL
);
CREATE INDEX reviews_rule_version ON reviews(rule_version);
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN SELECT RAISE(ABORT, 'REVIEW_APPEND_ONLY: reviews are append-only'); END;
`,
  },
  {
    version: 3,
    name: 'finance scenarios: saved scenario forms with the last run (result and summary)',
    sql: `
-- A saved what-if scenario (docs/studio-scenarios.md): the form as JSON (versions by id, edits in the
-- simulator's format) and, once run, the last result, so it can be re-run, exported and compared.
CREATE TABLE scenarios (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  form         TEXT NOT NULL CHECK (json_valid(form)),
  revision     INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL DEFAULT '',
  updated_at   TEXT NOT NULL,
  last_run_at  TEXT,
  last_result  TEXT CHECK (last_result IS NULL OR json_valid(last_result))
);
`,
  },
  {
    version: 4,
    name: 'hardening: approved versions frozen in every column, no INSERT OR REPLACE of a version or an audit entry, audit entries in sequence',
    sql: `
${freezeVersions('tariff_versions', 'tariff')}
${freezeVersions('rule_versions', 'rule')}
-- The versions an entry saved or approved, with the hash of their content (src/studio/workspace/version-seal.ts).
ALTER TABLE audit_log ADD COLUMN versions TEXT CHECK (versions IS NULL OR json_valid(versions));
-- An audit entry is only ever appended: it follows the last entry's sequence number and hash, and never replaces one.
CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log WHEN
  EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq OR hash = NEW.hash)
  OR NEW.seq IS NOT coalesce((SELECT max(seq) FROM audit_log), 0) + 1
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '${'0'.repeat(64)}')
BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY: an audit entry is appended after the last one and never replaces one'); END;
CREATE TRIGGER reviews_no_replace BEFORE INSERT ON reviews WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM reviews WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'REVIEW_APPEND_ONLY: a review step is never replaced'); END;
`,
  },
  {
    version: 5,
    name: 'team server: users (scrypt password hashes, role, lockout) and login sessions',
    sql: TEAM_MIGRATION_SQL,
  },
  {
    version: 6,
    name: 'tariff reviews: submissions, withdrawals and approvals of tariff versions (as rule versions have)',
    sql: `
-- One row per review step of a tariff version (docs/studio.md, Review); the audit log holds the same step hash-chained.
CREATE TABLE tariff_reviews (
  id             INTEGER PRIMARY KEY,
  tariff_version INTEGER NOT NULL REFERENCES tariff_versions(id),
  step           TEXT NOT NULL CHECK (step IN ('submitted', 'withdrawn', 'approved')),
  reviewer       TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
  comment        TEXT NOT NULL,
  at             TEXT NOT NULL
);
CREATE INDEX tariff_reviews_version ON tariff_reviews(tariff_version);
CREATE TRIGGER tariff_reviews_no_update BEFORE UPDATE ON tariff_reviews BEGIN SELECT RAISE(ABORT, 'REVIEW_APPEND_ONLY: reviews are append-only'); END;
`,
  },
  {
    version: 7,
    name: 'tariff reviews: a reviewer sends a tariff version back to draft with the changes asked for (step changes-requested)',
    sql: `
-- SQLite cannot widen a CHECK in place: the table is made again with the new step, every row
-- copied as it was (ids kept), then its index and append-only trigger as migration 6 made them.
CREATE TABLE tariff_reviews_v7 (
  id             INTEGER PRIMARY KEY,
  tariff_version INTEGER NOT NULL REFERENCES tariff_versions(id),
  step           TEXT NOT NULL CHECK (step IN ('submitted', 'withdrawn', 'changes-requested', 'approved')),
  reviewer       TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
  comment        TEXT NOT NULL,
  at             TEXT NOT NULL,
  -- A request for changes says what must change: never without a comment.
  CHECK (step <> 'changes-requested' OR length(trim(comment)) > 0)
);
INSERT INTO tariff_reviews_v7 (id, tariff_version, step, reviewer, comment, at) SELECT id, tariff_version, step, reviewer, comment, at FROM tariff_reviews ORDER BY id;
DROP TABLE tariff_reviews;
ALTER TABLE tariff_reviews_v7 RENAME TO tariff_reviews;
CREATE INDEX tariff_reviews_version ON tariff_reviews(tariff_version);
CREATE TRIGGER tariff_reviews_no_update BEFORE UPDATE ON tariff_reviews BEGIN SELECT RAISE(ABORT, 'REVIEW_APPEND_ONLY: reviews are append-only'); END;
`,
  },
  {
    version: 8,
    name: 'rule reviews: a reviewer sends a rule version back to draft with the changes asked for (step changes-requested), as tariff reviews have since 7',
    sql: `
-- As migration 7 for tariff_reviews: the table made again with the new step, every row copied as
-- it was (ids kept), then its index and the append-only triggers as migrations 2 and 4 made them.
CREATE TABLE reviews_v8 (
  id           INTEGER PRIMARY KEY,
  rule_version INTEGER NOT NULL REFERENCES rule_versions(id),
  step         TEXT NOT NULL CHECK (step IN ('submitted', 'withdrawn', 'changes-requested', 'approved')),
  reviewer     TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
  comment      TEXT NOT NULL,
  at           TEXT NOT NULL,
  -- A request for changes says what must change: never without a comment.
  CHECK (step <> 'changes-requested' OR length(trim(comment)) > 0)
);
INSERT INTO reviews_v8 (id, rule_version, step, reviewer, comment, at) SELECT id, rule_version, step, reviewer, comment, at FROM reviews ORDER BY id;
DROP TABLE reviews;
ALTER TABLE reviews_v8 RENAME TO reviews;
CREATE INDEX reviews_rule_version ON reviews(rule_version);
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN SELECT RAISE(ABORT, 'REVIEW_APPEND_ONLY: reviews are append-only'); END;
CREATE TRIGGER reviews_no_replace BEFORE INSERT ON reviews WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM reviews WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'REVIEW_APPEND_ONLY: a review step is never replaced'); END;
`,
  },
];

/** The newest schema this build knows (the migrations are listed strictly ascending; a unit test holds it). */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));
