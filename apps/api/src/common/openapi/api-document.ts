import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Clock } from '@regula/platform';
import { DAY_OFFSET } from './api-params';
import { suspensionAnswers } from './api-errors';

export const API_DOCS_PATH = 'api/docs';
export const API_DOCUMENT_PATH = 'api/docs/openapi.json';

/**
 * The OpenAPI document of the REST API, served at /api/docs (Swagger UI) and
 * /api/docs/openapi.json. Every operation declares its parameters, body,
 * success schema and error answers (`test/openapi-document.e2e-spec.ts` walks it).
 */
/**
 * The API's document, served at API_DOCS_PATH (Swagger UI) and API_DOCUMENT_PATH (JSON), built on its
 * first request and kept: building it walks every controller (a quarter of a second), which an API
 * process (and every e2e suite) would otherwise pay at start whether or not anyone reads it.
 */
export function setupApiDocs(app: INestApplication, clock: Clock): () => OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Regula API')
    .setDescription(
      [
        'Registers, privacy policies, rights requests and audits of the controllers Regula runs.',
        '',
        'Sign in with `POST /api/v1/auth/login` (e-mail and password); the answer\'s `accessToken` is a bearer token:',
        'send it as `Authorization: Bearer <accessToken>` (in this page: "Authorize"). A token lasts `expiresIn` seconds.',
        "Ingest and a source system's event feed (`/api/v1/ingest/{tenant}/...`) take the system's API key as the bearer token instead (`rk_...`).",
      ].join('\n'),
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  let doc: OpenAPIObject | undefined;
  const document = () => (doc ??= suspensionAnswers(datedExamples(SwaggerModule.createDocument(app, config), clock())));
  SwaggerModule.setup(API_DOCS_PATH, app, document, { jsonDocumentUrl: API_DOCUMENT_PATH });
  return document;
}

/** Every schema marked with a day offset gets the example of that day counted from `now` (UTC). */
export function datedExamples<T>(doc: T, now: Date): T {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o[DAY_OFFSET] === 'number') {
      const day = new Date(now.getTime() + (o[DAY_OFFSET] as number) * 86_400_000).toISOString();
      o.example = o.format === 'date-time' ? day : day.slice(0, 10);
    }
    Object.values(o).forEach(visit);
  };
  visit(doc);
  return doc;
}
