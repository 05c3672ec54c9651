import { auditVerifyCommand } from './audit.js';
import type { Command } from './main.js';
import { noticeCommand } from './notice.js';
import { releaseBuildCommand, releaseVerifyCommand } from './release.js';
import { hashTokenCommand, serveCommand } from './serve.js';
import { simulate } from './simulate.js';
import { studioCommand, workspaceExportCommand } from './studio.js';
import { tariffsExportCommand, tariffsImportCommand } from './tariffs.js';

/** Commands contributed by the simulator and the studio (registered as they are built). */
export const extraCommands: Record<string, Command> = {
  notice: noticeCommand,
  studio: studioCommand,
  'workspace export': workspaceExportCommand,
  'tariffs export': tariffsExportCommand,
  'tariffs import': tariffsImportCommand,
  'audit verify': auditVerifyCommand,
  simulate,
  'release build': releaseBuildCommand,
  'release verify': releaseVerifyCommand,
  serve: serveCommand,
  'serve hash-token': hashTokenCommand,
};
