import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DAY_OFFSET, NO_BODY } from '../../apps/api/src/common/openapi';

/* The rules every operation of the OpenAPI document keeps (issue 15 §2), as one pure check. */

type Schema = Record<string, unknown> & { $ref?: string; properties?: Record<string, Schema>; items?: Schema; required?: string[]; example?: unknown };
interface Parameter { name: string; in: string; required?: boolean; schema?: Schema; example?: unknown }
interface Media { schema?: Schema; example?: unknown; examples?: Record<string, { value?: unknown }> }
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
  security?: unknown[];
  [ext: string]: unknown;
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document: method, path and the operation. */
export function operationsOf(doc: OpenApiDoc): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method] })));
}

/** A schema with its `$ref` followed (components only). */
export function resolve(doc: OpenApiDoc, s: Schema | undefined): Schema | undefined {
  if (!s?.$ref) return s;
  return resolve(doc, doc.components?.schemas?.[s.$ref.split('/').pop()!]);
}

/**
 * The example of a schema: its own, else composed from its properties' (an
 * object) or its items' (an array); undefined when a required part has none.
 */
export function exampleOf(doc: OpenApiDoc, raw: Schema | undefined, depth = 0): unknown {
  const s = resolve(doc, raw);
  if (!s || depth > 12) return undefined;
  if (s.example !== undefined) return s.example;
  // One of several (an object or null, say): the first; all of one: that one.
  const alt = (s.oneOf ?? s.anyOf ?? (s.allOf as Schema[] | undefined)?.slice(0, 1)) as Schema[] | undefined;
  if (alt?.length) return exampleOf(doc, alt[0], depth + 1);
  if (s.type === 'array' && s.items) {
    const item = exampleOf(doc, s.items, depth + 1);
    return item === undefined ? undefined : [item];
  }
  if (s.properties) {
    const out: Record<string, unknown> = {};
    for (const [name, prop] of Object.entries(s.properties)) {
      const ex = exampleOf(doc, prop, depth + 1);
      if (ex !== undefined) out[name] = ex;
      else if (s.required?.includes(name)) return undefined;
    }
    return out;
  }
  if (s.type === 'object') return {};
  return undefined;
}

function mediaExample(doc: OpenApiDoc, m: Media): unknown {
  if (m.example !== undefined) return m.example;
  const named = Object.values(m.examples ?? {})[0]?.value;
  return named !== undefined ? named : exampleOf(doc, m.schema);
}

/** Schemas reachable from `s` (through $ref, properties, items, alternatives), each once. */
function reachable(doc: OpenApiDoc, s: Schema | undefined, seen = new Set<Schema>()): Schema[] {
  const r = resolve(doc, s);
  if (!r || seen.has(r)) return [];
  seen.add(r);
  const kids = [...Object.values(r.properties ?? {}), r.items, ...((r.oneOf ?? r.anyOf ?? r.allOf ?? []) as Schema[])].filter(Boolean) as Schema[];
  return [r, ...kids.flatMap((k) => reachable(doc, k, seen))];
}

const isDate = (s: Schema | undefined) => s?.format === 'date' || s?.format === 'date-time';

/** What the document fails of the rules, one line per problem ("METHOD path: what"). */
export function openApiProblems(doc: OpenApiDoc): string[] {
  const ajv = addFormats(new Ajv({ strict: false, formats: { binary: true } }));
  const problems: string[] = [];
  const valid = (where: string, schema: Schema | undefined, value: unknown) => {
    if (!schema) return;
    const check = ajv.compile({ ...schema, components: doc.components });
    if (!check(value)) problems.push(`${where}: example ${JSON.stringify(value)?.slice(0, 120)} is not valid (${ajv.errorsText(check.errors)})`);
  };

  for (const { method, path, op } of operationsOf(doc)) {
    const at = `${method.toUpperCase()} ${path}`;
    const params = op.parameters ?? [];
    // 1. Path parameters: each {name} declared, with a schema and an example.
    for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
      const p = params.find((x) => x.in === 'path' && x.name === name);
      if (!p) problems.push(`${at}: path parameter {${name}} not declared`);
    }
    // 2. Every parameter has a schema and an example valid against it; a date's example counts from today.
    for (const p of params) {
      const where = `${at}: ${p.in} parameter ${p.name}`;
      if (!p.schema) problems.push(`${where} has no schema`);
      const ex = p.example ?? p.schema?.example;
      if (ex === undefined) problems.push(`${where} has no example`);
      else valid(where, p.schema, p.in === 'query' && p.schema?.type === 'integer' ? Number(ex) : ex);
      if (isDate(p.schema) && typeof p.schema?.[DAY_OFFSET] !== 'number') problems.push(`${where} is a date with a fixed example (it goes stale): give it a day offset`);
    }
    // 3. A body, or the mark that there is none, for every method that may carry one.
    if (method !== 'get') {
      const content = op.requestBody?.content;
      if (!content && op[NO_BODY] !== true && method !== 'delete') problems.push(`${at}: no request body declared (mark an operation without one as such)`);
      for (const [type, media] of Object.entries(content ?? {})) {
        const where = `${at}: ${type} body`;
        if (!media.schema) problems.push(`${where} has no schema`);
        if (type !== 'application/json') continue;
        const ex = mediaExample(doc, media);
        if (ex === undefined) problems.push(`${where} has no example`);
        else valid(where, media.schema, ex);
        for (const s of reachable(doc, media.schema)) {
          if (isDate(s) && s.example !== undefined && typeof s[DAY_OFFSET] !== 'number') problems.push(`${where}: a date property with a fixed example (it goes stale): give it a day offset`);
        }
      }
    }
    // 4. A success answer with its schema and an example (204: no body).
    const responses = op.responses ?? {};
    const ok = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
    if (ok.length === 0) problems.push(`${at}: no 2xx answer declared`);
    for (const status of ok) {
      const content = responses[status].content;
      if (status === '204') continue;
      if (!content || Object.keys(content).length === 0) {
        problems.push(`${at}: ${status} answer has no content declared`);
        continue;
      }
      for (const [type, media] of Object.entries(content)) {
        const where = `${at}: ${status} ${type}`;
        if (!media.schema) problems.push(`${where} has no schema`);
        if (!/json/.test(type) || media.schema?.format === 'binary') continue; // a file, whatever its type
        const ex = mediaExample(doc, media);
        if (ex === undefined) problems.push(`${where} has no example`);
        else valid(where, media.schema, ex);
      }
    }
    // 5. The error answers: some 4xx always; 401 where a token is needed; 400 where input is taken; each with body and example.
    const errors = Object.keys(responses).filter((s) => /^[45]\d\d$/.test(s));
    if (!errors.some((s) => s.startsWith('4'))) problems.push(`${at}: no 4xx answer declared`);
    if ((op.security ?? []).length > 0 && !responses['401']) problems.push(`${at}: needs a token but does not declare 401`);
    if ((params.length > 0 || op.requestBody) && !responses['400']) problems.push(`${at}: takes input but does not declare 400`);
    for (const status of errors) {
      const media = responses[status].content?.['application/json'];
      if (!media?.schema) problems.push(`${at}: ${status} answer has no JSON body schema`);
      else if (mediaExample(doc, media) === undefined) problems.push(`${at}: ${status} answer has no example`);
      else valid(`${at}: ${status} answer`, media.schema, mediaExample(doc, media));
    }
  }
  return problems;
}
