import type { Handlers } from '../api/dispatcher.js';
import { recordAnchor } from '../workspace/audit-anchor.js';
import { auditHandlers } from './audit-handlers.js';
import { authoringHandlers } from './authoring-handlers.js';
import { engineHandlers } from './engine-handlers.js';
import { explorerHandlers } from './explorer-handlers.js';
import { lifecycleHandlers } from './lifecycle-handlers.js';
import { ruleHandlers } from './rule-handlers.js';
import { scenarioHandlers } from './scenario-handlers.js';
import type { StudioContext } from './studio-context.js';
import { tariffHandlers } from './tariff-handlers.js';
import { teamHandlers } from './team-handlers.js';
import { workbookHandlers } from './workbook-handlers.js';
import { workspaceHandlers } from './workspace-handlers.js';

/**
 * Every domain's handlers over one workspace; both transports dispatch to this object. After
 * each call the audit head is appended to the anchor file beside the workspace when it moved.
 */
export const studioHandlers = (ctx: StudioContext): Handlers => anchored(ctx, domains(ctx));

const anchored = (ctx: StudioContext, handlers: Handlers): Handlers => {
  const out: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  for (const [domain, calls] of Object.entries(handlers) as [string, Record<string, (args: unknown) => unknown>][]) {
    out[domain] = {};
    for (const [name, fn] of Object.entries(calls))
      out[domain][name] = async (args) => {
        try {
          return await fn(args);
        } finally {
          recordAnchor(ctx.ws);
        }
      };
  }
  return out as unknown as Handlers;
};

const domains = (ctx: StudioContext): Handlers => ({
  workspace: workspaceHandlers(ctx),
  tariffs: tariffHandlers(ctx),
  engine: engineHandlers(ctx),
  workbook: workbookHandlers(ctx),
  rules: ruleHandlers(ctx),
  audit: auditHandlers(ctx),
  explorer: explorerHandlers(ctx),
  scenarios: scenarioHandlers(ctx),
  lifecycle: lifecycleHandlers(ctx),
  authoring: authoringHandlers(ctx),
  team: teamHandlers(ctx),
});
