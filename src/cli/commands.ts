import type { Command } from './main.js';

/**
 * Commands contributed by the simulator and the studio (registered as they are built). Each is
 * loaded when it runs (or when the help lists it), so `tariff decide` and `tariff test` never load
 * the workspace, exceljs or the simulator: the CLI starts fast.
 */
export const extraCommands: Record<string, () => Promise<Command>> = {
  coverage: async () => (await import('./coverage.js')).coverageCommand,
  notice: async () => (await import('./notice.js')).noticeCommand,
  studio: async () => (await import('./studio.js')).studioCommand,
  'workspace export': async () => (await import('./studio.js')).workspaceExportCommand,
  'workspace backup': async () => (await import('./team.js')).workspaceBackupCommand,
  'workspace check': async () => (await import('./team.js')).workspaceCheckCommand,
  'users add': async () => (await import('./team.js')).usersAddCommand,
  'users list': async () => (await import('./team.js')).usersListCommand,
  'users disable': async () => (await import('./team.js')).usersDisableCommand,
  'users enable': async () => (await import('./team.js')).usersEnableCommand,
  'users reset-password': async () => (await import('./team.js')).usersResetPasswordCommand,
  'users set-role': async () => (await import('./team.js')).usersSetRoleCommand,
  'tariffs export': async () => (await import('./tariffs.js')).tariffsExportCommand,
  'tariffs import': async () => (await import('./tariffs.js')).tariffsImportCommand,
  'audit verify': async () => (await import('./audit.js')).auditVerifyCommand,
  simulate: async () => (await import('./simulate.js')).simulate,
  'release build': async () => (await import('./release.js')).releaseBuildCommand,
  'release verify': async () => (await import('./release.js')).releaseVerifyCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  'serve hash-token': async () => (await import('./serve.js')).hashTokenCommand,
};
