import { describe, expect, it } from 'vitest';
import { CALL_ROLES, LEAVES_WORKSPACE_UNCHANGED, writesWorkspace } from '../../src/studio/api/call-roles.js';
import { ROLES } from '../../src/studio/api/roles.js';
import { rolesNeeded } from '../../src/studio/renderer/team/role-access.js';

/** The studio disables a button when its call would be refused: the same table as the team dispatcher's. */
describe('rolesNeeded (which buttons a role sees disabled)', () => {
  it('names the roles a write needs when the signed-in role is not among them', () => {
    expect(rolesNeeded('tariffs.createDraft', 'finance')).toEqual(['pm']);
    expect(rolesNeeded('rules.createDraft', 'pm')).toEqual(['legal']);
    expect(rolesNeeded('scenarios.run', 'legal')).toEqual(['finance']);
    expect(rolesNeeded('rules.publishRelease', 'pm')).toEqual(['legal', 'admin']);
    expect(rolesNeeded('lifecycle.restore', 'finance')).toEqual(['pm', 'legal']);
  });

  it('is null for a role that holds the call, for a read, and for a call the table does not list', () => {
    expect(rolesNeeded('tariffs.createDraft', 'pm')).toBeNull();
    expect(rolesNeeded('rules.publishRelease', 'admin')).toBeNull();
    expect(rolesNeeded('workbook.export', 'finance')).toBeNull();
    expect(rolesNeeded('no.such.call', 'pm')).toBeNull();
  });

  it('agrees with the table for every call and role', () => {
    for (const [call, access] of Object.entries(CALL_ROLES)) for (const role of ROLES) expect(rolesNeeded(call, role) === null).toBe(access === 'read' || access.includes(role));
  });
});

describe('writesWorkspace (which buttons a read-only workspace disables)', () => {
  it('is true for a call that saves, false for a read and for the calls that change nothing', () => {
    expect(writesWorkspace('tariffs.createDraft')).toBe(true);
    expect(writesWorkspace('workbook.applyImport')).toBe(true);
    expect(writesWorkspace('rules.publishRelease')).toBe(true);
    expect(writesWorkspace('scenarios.run')).toBe(true);
    expect(writesWorkspace('workbook.previewImport')).toBe(false);
    expect(writesWorkspace('explorer.saveCase')).toBe(false);
    expect(writesWorkspace('workbook.export')).toBe(false);
    expect(writesWorkspace('no.such.call')).toBe(false);
  });

  it('lists as unchanged only calls the table has, each one a role needs', () => {
    for (const call of LEAVES_WORKSPACE_UNCHANGED) expect(CALL_ROLES[call], call).toBeInstanceOf(Array);
  });
});
