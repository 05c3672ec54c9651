import { auditVerifyCommand } from './audit.js';
import type { Command } from './main.js';
import { noticeCommand } from './notice.js';
import { simulate } from './simulate.js';
import { studioCommand, workspaceExportCommand } from './studio.js';
import { tariffsExportCommand, tariffsImportCommand } from './tariffs.js';
import { usersAddCommand, usersDisableCommand, usersEnableCommand, usersListCommand, usersResetPasswordCommand, workspaceBackupCommand, workspaceCheckCommand } from './team.js';

/** Commands contributed by the simulator and the studio (registered as they are built). */
export const extraCommands: Record<string, Command> = {
  notice: noticeCommand,
  studio: studioCommand,
  'workspace export': workspaceExportCommand,
  'workspace backup': workspaceBackupCommand,
  'workspace check': workspaceCheckCommand,
  'users add': usersAddCommand,
  'users list': usersListCommand,
  'users disable': usersDisableCommand,
  'users enable': usersEnableCommand,
  'users reset-password': usersResetPasswordCommand,
  'tariffs export': tariffsExportCommand,
  'tariffs import': tariffsImportCommand,
  'audit verify': auditVerifyCommand,
  simulate,
};
