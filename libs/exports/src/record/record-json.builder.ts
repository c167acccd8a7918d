import { ControllerDefinition, DpvExportOptions, controllerToJson, controllerToJsonLd, dpvExportIds } from '@regula/engine';
import { RecordMeta } from './record-model';

type Meta = Omit<RecordMeta, 'controllerName' | 'slug'>;

const versions = (meta: Meta) =>
  meta.registerVersions.map((v) => ({ key: v.key, version: v.version, validFrom: v.validFrom.toISOString(), contentHash: v.contentHash }));

/** The engine's JSON of the controller (DPV IRIs per basis and right), stating the as-of date and the register versions used. */
export function recordJson(def: ControllerDefinition, meta: Meta): string {
  const opts: DpvExportOptions = { lang: meta.lang };
  const body = { asOf: meta.asOf, timeZone: meta.timeZone, generatedAt: meta.generatedAt.toISOString(), controllerVersion: meta.controllerVersion ?? null, registerVersions: versions(meta), ...controllerToJson(def, opts) };
  return JSON.stringify(body, null, 2);
}

/**
 * The engine's JSON-LD (W3C DPV, `eu-gdpr:` bases and rights, inline
 * context), plus one node describing the export: its as-of date and the
 * version of each register (the terms of the Regula namespace).
 */
export function recordJsonLd(def: ControllerDefinition, meta: Meta): string {
  const doc = controllerToJsonLd(def, { lang: meta.lang }) as { '@context': object; '@graph': object[] };
  const ids = dpvExportIds(def.slug, {});
  const exportNode = {
    '@id': `${ids.controller}/exports/record/${meta.asOf}`,
    '@type': `regula:RecordOfProcessingActivities`,
    'dct:date': { '@value': meta.asOf, '@type': 'xsd:date' },
    'dct:created': { '@value': meta.generatedAt.toISOString(), '@type': 'xsd:dateTime' },
    'dpv:hasDataController': { '@id': ids.controller },
    'dct:hasPart': meta.registerVersions.map((v) => ({
      '@id': ids.register(v.key),
      'regula:version': v.version,
      'regula:validFrom': { '@value': v.validFrom.toISOString(), '@type': 'xsd:dateTime' },
    })),
  };
  return JSON.stringify({ ...doc, '@graph': [exportNode, ...doc['@graph']] }, null, 2);
}
