import { isatty } from 'node:tty';

/**
 * Whether a hang-up (SIGHUP: the terminal closed) stops this process: it does while one of its
 * standard input, output and error is a terminal, and not once none is.
 *
 * `nohup CMD` starts CMD with SIGHUP ignored, but node sets every ignored signal back to its
 * default as it starts (SigIgn of /proc/self/status no longer has SIGHUP by the time any script
 * runs; an unhandled SIGHUP then ends node with 129), so the ignore itself cannot be read. What
 * nohup leaves that can be read is its other half: none of the three streams is a terminal any
 * more (standard input from /dev/null, output to nohup.out or the file given, errors with the
 * output). A process started so, or with all three redirected by hand, was detached from its
 * terminal on purpose; a terminal closing is then not its business, and SIGTERM stops it.
 */
export const stopsOnHangup = (isTerminal: (fd: number) => boolean = isatty): boolean => [0, 1, 2].some((fd) => isTerminal(fd));

/** What a process that keeps running on SIGHUP says, once per signal (a log line, a note on stderr). */
export const HANGUP_IGNORED =
  'SIGHUP ignored: none of standard input, output and error is a terminal (started with nohup, or all three redirected), so a closed terminal does not stop this process; stop it with SIGTERM';
