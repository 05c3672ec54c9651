/**
 * Rule edits typed and not yet saved, kept by the Rules page across a reload of the version: a
 * reload that brings a newer revision (a colleague saved, or the pages reloaded after signing in
 * again) mounts a new editor, which takes the text back from here with the revision it was typed
 * on. A save is made on that revision, so a draft changed meanwhile refuses it (DRAFT_CONFLICT)
 * instead of losing the colleague's change; the editor says so first and lets the user choose.
 */
export type UnsavedRule = { json: string; revision: number };
export type UnsavedRules = Map<string, UnsavedRule>;

export const unsavedKey = (versionId: number, decision: string, ruleId: string): string => `${versionId}/${decision}/${ruleId}`;
