import type { Handlers } from '../api/dispatcher.js';
import { SCHEMA_VERSION } from '../workspace/migrations.js';
import { schemaOf } from '../workspace/open-workspace.js';
import { listRuleVersions } from '../workspace/rule-store.js';
import { listTariffVersions, suggestDraftDate } from '../workspace/tariff-store.js';
import type { StudioContext } from './studio-context.js';

export const workspaceHandlers = (ctx: StudioContext): Handlers['workspace'] => ({
  info: () => ({
    file: ctx.ws.file,
    createdNow: ctx.createdNow,
    schemaVersion: ctx.ws.readOnly ? schemaOf(ctx.ws) : SCHEMA_VERSION,
    tariffVersions: listTariffVersions(ctx.ws).length,
    ruleVersions: listRuleVersions(ctx.ws).length,
    actor: ctx.ws.actor,
    today: ctx.today(),
    suggestedDraftDate: suggestDraftDate(ctx.ws, ctx.today()),
    readOnly: ctx.ws.readOnly === true,
  }),
});
