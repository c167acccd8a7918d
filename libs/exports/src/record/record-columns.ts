import type { Ref } from '@regula/engine';

/**
 * The columns of the Art. 30(1) record, one row per register: the UK ICO's
 * "Documentation template for controllers", in its order, each with the Art. 30(1) point it answers.
 */
export interface RecordColumn {
  key: string;
  header: string;
  /** Column width in the spreadsheet (characters). */
  width: number;
  ref: Ref[];
}

const art30 = (at: string): Ref => ({ source: 'GDPR', at: `Art. 30(1)${at}` });
const ico = (column: string): Ref => ({ source: 'ICO-CONTROLLER-TEMPLATE', at: column });

export const RECORD_COLUMNS = [
  { key: 'register', header: 'Register', width: 24, ref: [ico('Business function')] },
  { key: 'version', header: 'Register version', width: 10, ref: [{ source: 'GDPR', at: 'Art. 5(2)', note: 'the register version in force at the as-of date' }] },
  { key: 'businessFunction', header: 'Business function', width: 22, ref: [ico('Business function')] },
  { key: 'purposes', header: 'Purpose(s) of the processing', width: 45, ref: [art30('(b)'), ico('Purpose of processing')] },
  { key: 'jointController', header: 'Name and contact details of joint controller', width: 28, ref: [art30('(a)'), ico('Name and contact details of joint controller')] },
  { key: 'subjects', header: 'Categories of individuals', width: 28, ref: [art30('(c)'), ico('Categories of individuals')] },
  { key: 'dataCategories', header: 'Categories of personal data', width: 45, ref: [art30('(c)'), ico('Categories of personal data')] },
  { key: 'specialCategories', header: 'Special categories of personal data', width: 22, ref: [{ source: 'GDPR', at: 'Art. 9(1)' }] },
  { key: 'art6', header: 'Article 6 lawful basis', width: 40, ref: [{ source: 'GDPR', at: 'Art. 6(1)' }, ico('Article 6 lawful basis for processing')] },
  { key: 'art9', header: 'Article 9 condition', width: 28, ref: [{ source: 'GDPR', at: 'Art. 9(2)' }, ico('Article 9 basis for processing special category data')] },
  { key: 'legitimateInterests', header: 'Legitimate interests (and link to assessment)', width: 40, ref: [{ source: 'GDPR', at: 'Art. 6(1)(f)' }, ico('Legitimate interests for the processing'), ico('Link to record of legitimate interests assessment')] },
  { key: 'recipients', header: 'Categories of recipients', width: 40, ref: [art30('(d)'), ico('Categories of recipients')] },
  { key: 'processors', header: 'Processors and link to contract', width: 35, ref: [{ source: 'GDPR', at: 'Art. 28(3)' }, ico('Link to contract with processor')] },
  { key: 'thirdCountries', header: 'Names of third countries or international organisations', width: 28, ref: [art30('(e)'), ico('Names of third countries or international organisations that personal data are transferred to')] },
  { key: 'safeguards', header: 'Safeguards for transfers', width: 35, ref: [art30('(e)'), { source: 'GDPR', at: 'Art. 44-49' }, ico('Safeguards for exceptional transfers of personal data to third countries or international organisations')] },
  { key: 'retention', header: 'Retention schedule', width: 45, ref: [art30('(f)'), ico('Retention schedule (if possible)')] },
  { key: 'security', header: 'Technical and organisational security measures', width: 45, ref: [art30('(g)'), { source: 'GDPR', at: 'Art. 32(1)' }, ico('General description of technical and organisational security measures (if possible)')] },
  { key: 'sources', header: 'Source of the personal data', width: 35, ref: [{ source: 'GDPR', at: 'Art. 14(2)(f)' }, ico('Source of personal data')] },
  { key: 'rights', header: 'Rights available to individuals', width: 35, ref: [{ source: 'GDPR', at: 'Art. 15-22, 7(3)' }, ico('Rights available to individuals')] },
  { key: 'automatedDecisions', header: 'Automated decision-making, including profiling', width: 30, ref: [{ source: 'GDPR', at: 'Art. 22' }, ico('Existence of automated decision-making, including profiling')] },
  { key: 'location', header: 'Location of personal data', width: 25, ref: [ico('Location of personal data')] },
  { key: 'dpia', header: 'DPIA required, progress and link', width: 30, ref: [{ source: 'GDPR', at: 'Art. 35' }, ico('Data Protection Impact Assessment required?'), ico('DPIA progress'), ico('Link to DPIA')] },
  { key: 'consentRecord', header: 'Link to record of consent', width: 30, ref: [{ source: 'GDPR', at: 'Art. 7(1)' }, ico('Link to record of consent')] },
] as const satisfies readonly RecordColumn[];

export type RecordColumnKey = (typeof RECORD_COLUMNS)[number]['key'];
