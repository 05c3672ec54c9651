import type { Command } from './main.js';
import { noticeCommand } from './notice.js';

/** Commands contributed by the simulator and the studio (registered as they are built). */
export const extraCommands: Record<string, Command> = {
  notice: noticeCommand,
};
