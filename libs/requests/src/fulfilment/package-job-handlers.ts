import { Injectable } from '@nestjs/common';
import { JobHandlerTable, JobHandlers, QueueName } from '@regula/platform';
import { AccessPackageBuilds } from './access-package-builds.service';

/** The packages queue's jobs (hosted by the worker): one access package's build, and the sweep that finds builds whose job was lost. */
@Injectable()
export class PackageJobHandlers implements JobHandlerTable<QueueName.Packages> {
  constructor(private readonly builds: AccessPackageBuilds) {}

  readonly handlers: JobHandlers<QueueName.Packages> = {
    'build-access-package': async ({ tenantId, buildId }, attempt) => {
      try {
        return await this.builds.run(tenantId, buildId);
      } catch (e) {
        // A job that gives up leaves its build failed, not building forever (the request page says so).
        if (attempt.final) await this.builds.fail(tenantId, buildId, (e as Error).message);
        throw e;
      }
    },
    'package-build-sweep': async () => ({ requeued: await this.builds.sweep() }),
  };
}
