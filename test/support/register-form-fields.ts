import { AdminClient } from './admin-client';

/** The fields of a register's section form (`…/registers/:key/sections/:section`) as the page shows them (inputs, ticked boxes, chosen options, textareas), `_csrf` included. */
export function fieldsOf(html: string): Record<string, string | string[]> {
  const form = /<form method="post" action="[^"]*\/sections\/[^"]*"[\s\S]*?<\/form>/.exec(html)![0];
  const out: Record<string, string | string[]> = {};
  const put = (k: string, v: string) => {
    const was = out[k];
    out[k] = was === undefined ? v : Array.isArray(was) ? [...was, v] : [was, v];
  };
  const dec = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&amp;/g, '&');
  for (const m of form.matchAll(/<input ([^>]*)>/g)) {
    const a = m[1];
    const name = /name="([^"]*)"/.exec(a)?.[1];
    if (!name) continue;
    const type = /type="([^"]*)"/.exec(a)?.[1];
    const value = dec(/value="([^"]*)"/.exec(a)?.[1] ?? '');
    if ((type === 'checkbox' || type === 'radio') && !/ checked/.test(a)) continue;
    put(name, value);
  }
  for (const m of form.matchAll(/<textarea [^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) put(m[1], dec(m[2]));
  for (const m of form.matchAll(/<select [^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) put(m[1], /<option value="([^"]*)" selected>/.exec(m[2])?.[1] ?? '');
  return out;
}

/** Posts the section form of register `key` of the tenant at `tenantPath` as the page filled it, changed by `edit`. */
export async function postSection(c: AdminClient, tenantPath: string, key: string, section: string, edit: (f: Record<string, string | string[]>) => void) {
  const page = await c.get(`${tenantPath}/registers/${key}/sections/${section}`);
  if (page.status !== 200) throw new Error(`${tenantPath}/registers/${key}/sections/${section} answered ${page.status}`);
  const fields = fieldsOf(page.text);
  edit(fields);
  return c.post(`${tenantPath}/registers/${key}/sections/${section}`, fields as Record<string, string>);
}
