import { CATALOGUE_SOURCES } from './countries/catalogue-laws';

/**
 * Laws a `Ref.source` may name. Titles are the official short titles.
 * A controller's own documents are named in its `documents` list instead.
 */
export const LAWS: Record<string, { title: string; url?: string }> = {
  GDPR: { title: 'Regulation (EU) 2016/679 (General Data Protection Regulation)' },
  '1182/71': { title: 'Regulation (EEC, Euratom) No 1182/71 determining the rules applicable to periods, dates and time limits' },
  'EDPB-01/2022': { title: 'EDPB Guidelines 01/2022 on data subject rights - Right of access' },
  'ePrivacy': { title: 'Directive 2002/58/EC (ePrivacy Directive)' },
  'EE-IKS': { title: 'Isikuandmete kaitse seadus (Estonian Personal Data Protection Act, 2019)' },
  'EE-ACCOUNTING-ACT': { title: 'Raamatupidamise seadus (Estonian Accounting Act)' },
  'EE-ESS': { title: 'Elektroonilise side seadus (Estonian Electronic Communications Act)' },
  'LT-ADTAI': { title: 'Asmens duomenų teisinės apsaugos įstatymas (Lithuanian Law on Legal Protection of Personal Data)' },
  'LT-ERI': { title: 'Elektroninių ryšių įstatymas (Lithuanian Law on Electronic Communications)' },
  'LT-ARCHIVES-INDEX': { title: 'Lithuanian general document retention index (archives)' },
  'LT-CIVIL-CODE': { title: 'Lietuvos Respublikos civilinis kodeksas (Lithuanian Civil Code)' },
  'SE-DSL': { title: 'Lag (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning (Dataskyddslagen)' },
  'SE-BFL': { title: 'Bokföringslag (1999:1078) (Swedish Accounting Act)' },
  'SE-LEK': { title: 'Lag (2022:482) om elektronisk kommunikation' },
  'SE-PRESKRIPTION': { title: 'Preskriptionslag (1981:130) (Swedish Limitation Act)' },
  'LV-FPDAL': { title: 'Fizisko personu datu apstrādes likums (Latvian Personal Data Processing Law, 2018)' },
  'LV-GRAMATVEDIBA': { title: 'Grāmatvedības likums (Latvian Accounting Law, 2022)' },
  'LV-ISPL': { title: 'Informācijas sabiedrības pakalpojumu likums (Latvian Information Society Services Law)' },
  'LV-CIVIL-LAW': { title: 'Civillikums (Latvian Civil Law)' },
  'LEGAL-NOTES': { title: 'Regula legal notes (authorities, national specifics) gathered from official sources' },
  ...CATALOGUE_SOURCES,
};

export function isLaw(source: string): boolean {
  return Object.prototype.hasOwnProperty.call(LAWS, source);
}
