/**
 * Resident memory and CPU time of a whole process tree, read from /proc (Linux): `next build`
 * spawns workers, so the sum over the tree is what the machine must hold and spend.
 */
import fs from 'node:fs';

const PAGE = 4096;

/**
 * The fields of /proc/<pid>/stat after the command name (field 2), which may hold spaces and
 * parentheses: [0] is field 3 (state), [1] the parent pid, [11] and [12] utime and stime.
 * undefined once the process has exited.
 */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** pid → parent pid of every process now alive. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (fields) map.set(Number(entry), Number(fields[1]));
  }
  return map;
}

/** The root and all its descendants. */
export function treePids(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Sum of resident memory (bytes) over the tree rooted at `root`. */
export function treeRss(root: number): number {
  let pages = 0;
  for (const pid of treePids(root)) {
    try {
      pages += Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    } catch {
      // exited meanwhile
    }
  }
  return pages * PAGE;
}

/** Kills every process of the tree (children first, so none is re-parented and missed). */
export function killTree(root: number) {
  for (const pid of treePids(root).reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

/**
 * CPU time (user + system) of a process tree, sampled: each process counts with the most it was
 * seen to have used, so one that exits between samples loses at most one interval's worth. Less
 * at the mercy of other tenants of a shared machine than wall time.
 */
export class TreeCpu {
  private readonly seen = new Map<number, number>();

  sample(root: number): void {
    for (const pid of treePids(root)) {
      const fields = statFields(pid);
      if (fields) this.seen.set(pid, Math.max(this.seen.get(pid) ?? 0, Number(fields[11]) + Number(fields[12])));
    }
  }

  /** Seconds of CPU time seen so far. */
  get seconds(): number {
    let ticks = 0;
    for (const t of this.seen.values()) ticks += t;
    return ticks / TICKS_PER_SECOND;
  }
}
