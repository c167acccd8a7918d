import type { Request } from 'express';
import type { JobType, Queue } from 'bullmq';

/** One write through Bull Board's API, named for the audit log. */
export interface BoardWrite {
  /** `pause`, `resume`, `add`, `retry-all`, `clean-all`, `promote-all`, `empty`, `obliterate`, `concurrency`, `retry-job`, `clean-job`, `promote-job`, `update-job`, `pause-all`, `resume-all`, or `unknown`. */
  action: string;
  /** The queue's name; `*` for the actions on every queue. */
  queue: string;
  /** The job of a job action (route parameter). */
  jobId?: string;
  /** The job state a bulk action works on (`failed`, `completed`, ...). */
  status?: string;
}

const SEG = '([^/]+)';

/**
 * Bull Board's write routes (@bull-board/api `appRoutes`, v6), relative to
 * the board's base path. A route missing here is still a write: it is
 * audited as `unknown` with its method and path.
 */
const ROUTES: { method: string; path: RegExp; write: (m: string[]) => BoardWrite }[] = [
  { method: 'PUT', path: /^\/api\/queues\/pause$/, write: () => ({ action: 'pause-all', queue: '*' }) },
  { method: 'PUT', path: /^\/api\/queues\/resume$/, write: () => ({ action: 'resume-all', queue: '*' }) },
  { method: 'POST', path: new RegExp(`^/api/queues/${SEG}/add$`), write: ([q]) => ({ action: 'add', queue: q }) },
  { method: 'PUT', path: new RegExp(`^/api/queues/${SEG}/retry/${SEG}$`), write: ([q, s]) => ({ action: 'retry-all', queue: q, status: s }) },
  { method: 'PUT', path: new RegExp(`^/api/queues/${SEG}/promote$`), write: ([q]) => ({ action: 'promote-all', queue: q, status: 'delayed' }) },
  { method: 'PUT', path: new RegExp(`^/api/queues/${SEG}/clean/${SEG}$`), write: ([q, s]) => ({ action: 'clean-all', queue: q, status: s }) },
  { method: 'PUT', path: new RegExp(`^/api/queues/${SEG}/pause$`), write: ([q]) => ({ action: 'pause', queue: q }) },
  { method: 'PUT', path: new RegExp(`^/api/queues/${SEG}/resume$`), write: ([q]) => ({ action: 'resume', queue: q }) },
  { method: 'PUT', path: new RegExp(`^/api/queues/${SEG}/concurrency$`), write: ([q]) => ({ action: 'concurrency', queue: q }) },
  { method: 'PUT', path: new RegExp(`^/api/queues/${SEG}/empty$`), write: ([q]) => ({ action: 'empty', queue: q }) },
  { method: 'PUT', path: new RegExp(`^/api/queues/${SEG}/obliterate$`), write: ([q]) => ({ action: 'obliterate', queue: q }) },
  { method: 'PUT', path: new RegExp(`^/api/queues/${SEG}/${SEG}/retry(?:/${SEG})?$`), write: ([q, j, s]) => ({ action: 'retry-job', queue: q, jobId: j, ...(s ? { status: s } : {}) }) },
  { method: 'PUT', path: new RegExp(`^/api/queues/${SEG}/${SEG}/clean$`), write: ([q, j]) => ({ action: 'clean-job', queue: q, jobId: j }) },
  { method: 'PUT', path: new RegExp(`^/api/queues/${SEG}/${SEG}/promote$`), write: ([q, j]) => ({ action: 'promote-job', queue: q, jobId: j }) },
  { method: 'PATCH', path: new RegExp(`^/api/queues/${SEG}/${SEG}/update-data$`), write: ([q, j]) => ({ action: 'update-job', queue: q, jobId: j }) },
];

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Every request that is not a read is a write (Bull Board reads only with GET). */
export const isWrite = (req: Request) => req.method !== 'GET' && req.method !== 'HEAD';

/** What a write request to the board does (`req.path` relative to the board's base path). */
export function boardWriteOf(req: Request): BoardWrite {
  for (const r of ROUTES) {
    const m = r.method === req.method ? r.path.exec(req.path) : null;
    if (m) return r.write(m.slice(1).filter((v) => v !== undefined).map(decode));
  }
  return { action: 'unknown', queue: /^\/api\/queues\/([^/]+)/.exec(req.path)?.[1] ?? '*' };
}

/** The job states a bulk action touches (an empty list: none, or none by id). */
function statesOf(write: BoardWrite): JobType[] {
  switch (write.action) {
    case 'retry-all':
    case 'clean-all':
    case 'promote-all':
      return write.status ? [write.status as JobType] : [];
    case 'empty':
      return ['waiting', 'delayed', 'paused', 'prioritized', 'waiting-children'];
    case 'obliterate':
      return ['waiting', 'delayed', 'paused', 'prioritized', 'waiting-children', 'active', 'completed', 'failed'];
    default:
      return [];
  }
}

/** At most this many job ids of a bulk action go into its audit entry (the count always does). */
export const AUDITED_JOB_IDS = 1000;

/**
 * The ids of the jobs a write touches, read before it runs: the job of a job
 * action, the job id given to `add` (the gate assigns one when the form gave
 * none), the jobs in the states a bulk action works on.
 */
export async function jobIdsOf(write: BoardWrite, queue: Queue | undefined, body: unknown): Promise<{ jobIds: string[]; jobCount: number }> {
  if (write.jobId) return { jobIds: [write.jobId], jobCount: 1 };
  if (write.action === 'add') {
    const id = (body as { options?: { jobId?: unknown } } | undefined)?.options?.jobId;
    return typeof id === 'string' ? { jobIds: [id], jobCount: 1 } : { jobIds: [], jobCount: 1 };
  }
  const states = statesOf(write);
  if (!queue || !states.length) return { jobIds: [], jobCount: 0 };
  const counts = await queue.getJobCounts(...states);
  const jobCount = Object.values(counts).reduce((a, b) => a + b, 0);
  const jobs = jobCount ? await queue.getJobs(states, 0, AUDITED_JOB_IDS - 1) : [];
  return { jobIds: jobs.map((j) => j?.id).filter((id): id is string => !!id).slice(0, AUDITED_JOB_IDS), jobCount };
}
