/**
 * Migration 5 (issue 12, the team server): the people who may log in and their sessions.
 * A password is kept only as an scrypt hash (src/studio/team/passwords.ts); a session only as
 * the SHA-256 of its cookie token, so a copy of the workspace lets nobody log in as anyone.
 */
export const TEAM_MIGRATION_SQL = `
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  role          TEXT NOT NULL CHECK (role IN ('pm', 'legal', 'finance', 'admin')),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
`;
