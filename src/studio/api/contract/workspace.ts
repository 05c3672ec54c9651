import { call } from './call.js';
import { isoDate, noArgs, type NoArgs } from './shared.js';

/** The `workspace` domain: the open workspace, who works in it, today in Asia/Tokyo. */
/** `readOnly`: the workspace file or its folder cannot be written; the studio shows a banner and every write is refused (WORKSPACE_READ_ONLY). */
export type WorkspaceInfo = {
  file: string;
  createdNow: boolean;
  schemaVersion: number;
  tariffVersions: number;
  ruleVersions: number;
  actor: string;
  today: string;
  suggestedDraftDate: string;
  readOnly: boolean;
};

export const workspace = {
  info: call<NoArgs, WorkspaceInfo>('the open workspace: its file, counts, who works in it, today (Asia/Tokyo)', noArgs).returns({
    type: 'object',
    additionalProperties: false,
    required: ['file', 'createdNow', 'schemaVersion', 'tariffVersions', 'ruleVersions', 'actor', 'today', 'suggestedDraftDate', 'readOnly'],
    properties: {
      file: { type: 'string' },
      createdNow: { type: 'boolean' },
      schemaVersion: { type: 'integer' },
      tariffVersions: { type: 'integer' },
      ruleVersions: { type: 'integer' },
      actor: { type: 'string' },
      today: isoDate,
      suggestedDraftDate: isoDate,
      readOnly: { type: 'boolean' },
    },
  }),
};
