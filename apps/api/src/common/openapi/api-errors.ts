import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/** The body of every error answer: the status, NestJS's label for it and what went wrong (a field named first). */
export const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    message: {
      description: 'What went wrong; a refused input names its field first. Several problems come as a list.',
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      example: 'slug must be lower-case letters, digits and hyphens',
    },
    error: { type: 'string', example: 'Bad Request' },
  },
  additionalProperties: true,
};

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

const MEANING: Record<ErrorStatus, [label: string, description: string, message: string]> = {
  400: ['Bad Request', 'The input is refused; the message names the field.', 'slug must be lower-case letters, digits and hyphens'],
  401: ['Unauthorized', 'No bearer token, or one that expired or was signed out.', 'Unauthorized'],
  403: ['Forbidden', 'The token is valid but its role may not do this (an auditor writing, for example), or a first password must be changed first.', 'this action needs the requests:write permission'],
  404: ['Not Found', 'No such thing for this controller (another controller\'s ids are answered the same way).', 'no tenant medical-managment'],
  409: ['Conflict', "The thing's state refuses the operation (wrong state, changed meanwhile, already done); the message says which.", 'The request is closed'],
  413: ['Payload Too Large', 'The upload or body is larger than allowed.', 'File too large'],
  415: ['Unsupported Media Type', 'The file\'s content is not of an accepted type.', 'Only PDF, PNG and JPEG are accepted'],
  422: ['Unprocessable Entity', 'Well-formed input that the rules refuse as a whole; the body lists the problems.', 'The policy cannot be published'],
  429: ['Too Many Requests', 'A rate limit is reached; Retry-After says when to try again.', 'Too many attempts'],
  503: ['Service Unavailable', 'The database is busy; Retry-After says when to try again.', 'Busy, try again shortly'],
};

/** One response per status, each with the error body and an example of it. */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => {
      const [label, description, message] = MEANING[status];
      return ApiResponse({ status, description, schema: { ...ERROR_BODY_SCHEMA, example: { statusCode: status, message, error: label } } });
    }),
  );
}

/**
 * Every change under a tenant (`/api/v1/tenants/{slug}/…`, any method but
 * GET) also answers 409 while a platform admin has the controller suspended
 * (TenantAccessGuard): declared on each such operation of the document here,
 * beside whatever 409 the operation declares itself.
 */
export function suspensionAnswers<T>(doc: T): T {
  const paths = (doc as { paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>> }).paths ?? {};
  for (const [path, operations] of Object.entries(paths)) {
    if (!path.startsWith('/api/v1/tenants/{slug}')) continue;
    for (const [method, op] of Object.entries(operations)) {
      if (['get', 'head', 'options', 'parameters'].includes(method) || !op.responses) continue;
      op.responses['409'] ??= {
        description: 'The controller is suspended: its data can be read and exported, not changed.',
        content: { 'application/json': { schema: { ...ERROR_BODY_SCHEMA, example: { statusCode: 409, message: 'inomedis is suspended: its data can be read and exported, not changed', error: 'Conflict' } } } },
      };
    }
  }
  return doc;
}
