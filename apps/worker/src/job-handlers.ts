import { JobName } from '@regula/platform';

/** Processors declare the job names they handle here; the boot check compares with JOB_NAMES. */
export const HANDLED_JOBS = new Set<JobName>();

export function handles(...names: JobName[]): void {
  for (const n of names) HANDLED_JOBS.add(n);
}
