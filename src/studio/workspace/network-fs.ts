import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, sep } from 'node:path';

/**
 * SQLite's locking is not reliable over network file systems (NFS, SMB/CIFS, sshfs…): a
 * workspace on a shared drive used by several processes is how SQLite files get corrupted.
 * Reads /proc/mounts (Linux) to find the file system of the workspace's folder; elsewhere it
 * cannot tell and says nothing.
 */
const NETWORK_TYPES = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smbfs',
  'smb3',
  '9p',
  'afs',
  'ceph',
  'glusterfs',
  'fuse.sshfs',
  'fuse.glusterfs',
  'fuse.ceph',
  'davfs',
  'fuse.davfs2',
  'fuse.rclone',
  'lustre',
  'gpfs',
  'ncpfs',
  'coda',
]);

export type MountEntry = { point: string; type: string };

export const parseMounts = (text: string): MountEntry[] =>
  text
    .split('\n')
    .map((l) => l.split(' '))
    .filter((f) => f.length >= 3)
    .map((f) => ({ point: f[1]!.replace(/\\040/gu, ' '), type: f[2]! }));

/** The file system type of `path` from a mount table: the longest mount point that contains it. */
export function fsTypeOf(path: string, mounts: MountEntry[]): string | undefined {
  let best: MountEntry | undefined;
  for (const m of mounts) {
    const inside = m.point === '/' || path === m.point || path.startsWith(m.point.endsWith(sep) ? m.point : m.point + sep);
    if (inside && (!best || m.point.length >= best.point.length)) best = m;
  }
  return best?.type;
}

export const isNetworkFs = (type: string | undefined): boolean => type !== undefined && NETWORK_TYPES.has(type);

/** A warning to print when the workspace lives on a network file system, else undefined. */
export function networkFsWarning(workspace: string, mountsFile = '/proc/mounts'): string | undefined {
  if (!existsSync(mountsFile)) return undefined;
  let dir = dirname(workspace);
  try {
    dir = realpathSync(dir);
  } catch {
    return undefined;
  }
  const type = fsTypeOf(dir, parseMounts(readFileSync(mountsFile, 'utf8')));
  if (!isNetworkFs(type)) return undefined;
  return `warning: ${workspace} is on a network file system (${type}). SQLite's locks are not reliable there and the workspace can be corrupted. Keep the workspace on a local disk of the machine that runs the studio, and let colleagues connect to it with tariff studio --serve (docs/team.md).`;
}
