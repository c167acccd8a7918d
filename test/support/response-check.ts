import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>>;
  components?: object;
}

const COMPONENTS = 'openapi-components';

/** An answer's schema with its `#/components/...` references pointed at the components added once. */
function intoComponents(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(intoComponents);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${COMPONENTS}${v}` : intoComponents(v)]),
  );
}

/** While one area's operations are being documented: check only paths starting with these (comma-separated). */
const ONLY = (process.env.REGULA_RESPONSE_CHECK_PATHS ?? '').split(',').map((p) => p.trim()).filter(Boolean);

/**
 * Holds the API to its OpenAPI document: every JSON answer of a documented
 * operation must be a status the operation declares, with a body its schema
 * accepts. The harness installs it on every API the e2e suites start, so the
 * whole suite checks the document against what the API really answers; a
 * suite fails on close when anything disagreed (`violations`).
 */
export class ResponseCheck {
  readonly violations: string[] = [];
  private doc: OpenApiDoc | undefined;
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true, formats: { binary: true } }));
  private readonly compiled = new Map<string, ValidateFunction | null | Error>();

  /** Express middleware: wraps `res.json` to check what is sent (installed before the routes). */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      this.check(req, res.statusCode, body);
      return json(body);
    };
    next();
  };

  use(doc: OpenApiDoc): void {
    this.doc = doc;
    // The components once, as a schema of their own: each answer's schema refers into it, so what they
    // share is compiled once per suite rather than once per operation.
    this.ajv.addSchema({ $id: COMPONENTS, components: doc.components ?? {} });
  }

  private check(req: Request, status: number, body: unknown): void {
    const route = (req.route as { path?: string } | undefined)?.path;
    if (!this.doc || typeof route !== 'string') return;
    const path = route.replace(/:(\w+)/g, '{$1}');
    const method = req.method.toLowerCase();
    const op = this.doc.paths[path]?.[method];
    if (!op) return; // not part of the REST API (pages, the queue board)
    if (ONLY.length > 0 && !ONLY.some((prefix) => path.startsWith(prefix))) return;
    const where = `${method.toUpperCase()} ${path} → ${status}`;
    const declared = op.responses?.[String(status)];
    if (!declared) {
      this.violations.push(`${where}: status not declared (body ${JSON.stringify(body).slice(0, 200)})`);
      return;
    }
    const key = `${method} ${path} ${status}`;
    if (!this.compiled.has(key)) {
      const schema = declared.content?.['application/json']?.schema;
      try {
        this.compiled.set(key, schema ? this.ajv.compile(intoComponents(schema) as object) : null);
      } catch (e) {
        // A schema no validator compiles is the document's fault: reported, never a failed answer.
        this.compiled.set(key, e as Error);
      }
    }
    const validate = this.compiled.get(key);
    if (validate instanceof Error) {
      this.violations.push(`${where}: the declared schema does not compile (${validate.message})`);
      return;
    }
    if (validate === null) {
      this.violations.push(`${where}: a JSON body where the document declares none`);
      return;
    }
    if (validate && !validate(JSON.parse(JSON.stringify(body)))) {
      const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      this.violations.push(`${where}: ${errors}`);
    }
  }
}
