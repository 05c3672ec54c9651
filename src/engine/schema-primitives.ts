import { MAX_YEN } from './money.js';

/**
 * The JSON Schema primitives shared by the engine's data and facts schemas, its output schemas,
 * the release file, the simulator's scenario schema and the studio API contract: written once
 * here (the lowest layer), imported everywhere else. Each keeps the exact check it had where it
 * was written before, so the two date primitives differ on purpose (see each).
 */

/** A date written YYYY-MM-DD: its shape only (data files, releases, scenarios, the studio API). */
export const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
/** A calendar date YYYY-MM-DD that exists (ajv format `iso-date`: case facts and answers). */
export const calendarDate = { type: 'string', format: 'iso-date' } as const;
/** An Asia/Tokyo date and time (ajv format `iso-datetime`: case facts). */
export const isoDateTime = { type: 'string', format: 'iso-datetime' } as const;
/** A month YYYY-MM. */
export const isoMonth = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } as const;
/** An amount of yen in data and facts: a whole number from 0 to MAX_YEN. */
export const yen = { type: 'integer', minimum: 0, maximum: MAX_YEN } as const;
/** An amount of yen in an answer: a whole number, never negative (the engine bounds its inputs by `yen`). */
export const yenAnswer = { type: 'integer', minimum: 0 } as const;
/** A course as a case or a scenario names it: its code or its printed name (resolved by the course resolver). */
export const courseRef = { type: 'string', minLength: 1 } as const;
/** A clause of the terms: 第N条, 第N条第M項, 第N条第M項第K号, 別紙N, 別紙N表M. */
export const clause = { type: 'string', pattern: '^(第\\d+条(第\\d+項)?(第\\d+号)?|別紙\\d+(表\\d+)?)$' } as const;
/** A workspace row id (a tariff, rule or scenario version id): a positive integer. */
export const versionId = { type: 'integer', minimum: 1 } as const;
/** A SHA-256 in lowercase hex. */
export const sha256Hex = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
