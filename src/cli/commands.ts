import type { Command } from './main.js';

/**
 * Commands contributed by the simulator and the studio (registered as they are built). Each is
 * loaded when it runs (or when the help lists it), so `tariff decide` and `tariff test` never load
 * the workspace, exceljs or the simulator: the CLI starts fast.
 */
export const extraCommands: Record<string, () => Promise<Command>> = {
  notice: async () => (await import('./notice.js')).noticeCommand,
  studio: async () => (await import('./studio.js')).studioCommand,
  'workspace export': async () => (await import('./studio.js')).workspaceExportCommand,
  'tariffs export': async () => (await import('./tariffs.js')).tariffsExportCommand,
  'tariffs import': async () => (await import('./tariffs.js')).tariffsImportCommand,
  'audit verify': async () => (await import('./audit.js')).auditVerifyCommand,
  simulate: async () => (await import('./simulate.js')).simulate,
};
