import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiResponse } from '@nestjs/swagger';
import { ERROR_BODY_SCHEMA, ApiQueryDay } from '../common/openapi';

const ATTACHMENT = {
  'Content-Disposition': { description: 'attachment; filename="<slug>-<what>-<date>.<ext>"', schema: { type: 'string' } },
  'Cache-Control': { description: 'no-store', schema: { type: 'string' } },
};

/**
 * A downloaded export: its content type and body (a JSON document for JSON and
 * JSON-LD, bytes otherwise), and the headers every export carries. `sha256`:
 * the file's SHA-256 comes as the header X-Content-SHA256 (the evidence pack,
 * streamed, sends it as a trailer instead).
 */
export function ApiExportFile(contentType: string, description: string, opts: { sha256Header?: boolean } = {}): MethodDecorator {
  const json = /[/+]json$/.test(contentType);
  const headers = opts.sha256Header === false
    ? ATTACHMENT
    : { ...ATTACHMENT, 'X-Content-SHA256': { description: "The file's SHA-256 (hex), as the audit log records it", schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } } };
  // No ApiProduces: it would give the route's error answers this content type too; they are JSON.
  return applyDecorators(
    ApiOkResponse({
      description,
      headers,
      content: { [contentType]: { schema: json ? { type: 'object', additionalProperties: true } : { type: 'string', format: 'binary' } } },
    }),
  );
}

/** A file that is built before it is sent: a build that fails (a PDF worker that died or timed out) is 500 with the reason, and audited. */
export const ApiExportBuildFailure = (): MethodDecorator =>
  ApiResponse({
    status: 500,
    description: 'The export could not be built (the message says why); the failure is audited as export.failed.',
    schema: { ...ERROR_BODY_SCHEMA, example: { statusCode: 500, message: 'the pdf export could not be built: timeout', error: 'Internal Server Error' } },
  });

/** `asOf`: the day the export describes; today (offset 0) is always valid, a day before the tenant was set up is 404. */
export const ApiAsOf = (): MethodDecorator =>
  ApiQueryDay('asOf', "The register versions in force at the end of this day (YYYY-MM-DD) in the controller's time zone; not after today; default now", 0);

/** `key`: a register of the tenant at the as-of date. */
export const ApiRegisterKey = (): MethodDecorator =>
  ApiParam({ name: 'key', description: 'A register key (GET .../registers lists them)', schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 100, example: 'direct-marketing' } });
