import { NATIONAL_RULES, Register } from '@regula/engine';
import { ACCOUNTING_LAW, LEGAL_OBLIGATION_LABEL, NECESSARY_FOR_LEGITIMATE_INTERESTS } from '../common/legal-bases';
import { authorities, processors } from '../common/recipients';
import { contractInForce, legitimateInterestsAfterContract, statutoryAccountingStorage } from '../common/retention';
import { securityMeasures } from '../common/security';
import { assumed, clause, clauses, corrected, NO_DPIA_ASSUMED, registerFieldRefs, t } from '../common/text';

const LV_ACCOUNTING = NATIONAL_RULES.LV.accounting;

/** Internal processes, document flow and archiving of contracts and other documents (clause 12). */
export const archiveRegister: Register = {
  id: 'internal-archive',
  name: t('Iekšējie procesi un dokumentu arhivēšana', 'Internal processes and document archiving'),
  businessFunction: t('Administrācija un grāmatvedība', 'Administration and accounting'),
  description: t(
    'Inomedis iekšējo procesu un dokumentu aprites nodrošināšana, tostarp līgumu, grāmatvedības un citu dokumentu arhivēšana tādā apjomā, kāds tam nepieciešams un pietiekams.',
    'Running Inomedis\'s internal processes and document flow, including archiving contracts, accounting records and other documents, to the extent necessary and sufficient.',
  ),
  purposes: [
    {
      id: 'document-archiving',
      name: t('Dokumentu aprite un arhivēšana', 'Document flow and archiving'),
      description: t(
        'Līgumu, grāmatvedības un citu dokumentu reģistrēšana, aprite un arhivēšana.',
        'Registering, circulating and archiving contracts, accounting records and other documents.',
      ),
      legalBases: [
        {
          article: '6(1)(c)',
          description: t(
            'Inomedis ir juridisks pienākums glabāt grāmatvedības attaisnojuma dokumentus un grāmatvedības reģistrus noteiktu laiku.',
            'Inomedis is legally obliged to keep accounting source documents and accounting registers for set periods.',
          ),
          legalObligation: {
            law: ACCOUNTING_LAW,
            ref: [{ source: 'LV-GRAMATVEDIBA', note: 'storage periods: source documents at least 5 years, registers 10 years' }],
          },
          citedInNotice: '6(1)(b)',
          ref: [clause('14'), clause('12'), corrected('GDPR', 'Art. 6(1)(c)', LEGAL_OBLIGATION_LABEL)],
        },
        {
          article: '6(1)(f)',
          description: NECESSARY_FOR_LEGITIMATE_INTERESTS,
          legitimateInterest: t(
            'Uzturēt sakārtotu iekšējo dokumentu apriti un saglabāt līgumus, lai varētu pierādīt saistības un aizstāvēt prasījumus.',
            'Keeping an orderly internal document flow and preserving contracts so that obligations can be proven and claims defended.',
          ),
          ref: [clause('12'), assumed('14', 'legal basis mapped by Regula: the notice ties no basis to internal processes; legitimate interest chosen from the bases clause 14 lists')],
        },
      ],
      categories: ['archived-contracts', 'accounting-source-documents', 'accounting-registers'],
      ref: clauses('12'),
    },
  ],
  subjects: [
    {
      id: 'clients',
      kind: 'client',
      name: t('Klienti', 'Clients'),
      ref: clauses('2.1', '12'),
    },
  ],
  dataCategories: [
    {
      id: 'archived-contracts',
      name: t('Arhivētie līgumi un citi dokumenti', 'Archived contracts and other documents'),
      fields: t(
        'Līgumi, to pielikumi un ar tiem saistītā sarakste, kuros ir Klienta identifikācijas dati, kontaktinformācija un līguma dati.',
        'Contracts, their annexes and related correspondence containing the client\'s identification, contact and contract data.',
      ),
      required: false,
      providedBySubject: true,
      sources: ['client-register'],
      ref: clauses('12'),
    },
    {
      id: 'accounting-source-documents',
      name: t('Grāmatvedības attaisnojuma dokumenti', 'Accounting source documents'),
      fields: t(
        'Rēķini, maksājumu uzdevumi un citi attaisnojuma dokumenti, kuros norādīts Klients.',
        'Invoices, payment orders and other source documents that name the client.',
      ),
      required: false,
      providedBySubject: false,
      sources: ['client-register'],
      ref: [clause('12'), { source: 'LV-GRAMATVEDIBA' }],
    },
    {
      id: 'accounting-registers',
      name: t('Grāmatvedības reģistri', 'Accounting registers'),
      fields: t(
        'Grāmatvedības ieraksti, kuros norādīts Klienta vārds vai nosaukums un darījuma summa.',
        'Accounting entries that name the client and the amount of the transaction.',
      ),
      required: false,
      providedBySubject: false,
      sources: ['client-register'],
      ref: [clause('12'), { source: 'LV-GRAMATVEDIBA' }],
    },
  ],
  sources: [
    {
      id: 'client-register',
      kind: 'internal-system',
      description: t(
        'Klientu apkalpošanas un norēķinu procesos radušies dokumenti.',
        'Documents created in client service and billing.',
      ),
      ref: clauses('8', '12'),
    },
  ],
  recipients: [processors(), authorities()],
  transfers: 'none',
  fieldRefs: registerFieldRefs('location assumed: the notice does not say where archived documents are held'),
  retention: [
    {
      id: 'archived-contracts',
      kind: 'conditions',
      categories: ['archived-contracts'],
      description: t(
        'Līgumus glabā, kamēr līgums ir spēkā, kamēr to prasa normatīvie akti un kamēr tie nepieciešami Inomedis prasījumu pierādīšanai vai aizstāvēšanai; pēc tam tos iznīcina.',
        'Contracts are kept while the contract is in force, while the law requires it and while they are needed to prove or defend Inomedis\'s claims; then they are destroyed.',
      ),
      action: 'erase',
      conditions: [contractInForce(), statutoryAccountingStorage(), legitimateInterestsAfterContract()],
      then: { days: 0 },
      ref: [clause('29', 'conditions 29.1-29.3, with their periods marked on each condition')],
    },
    {
      id: 'accounting-source-documents',
      kind: 'period',
      categories: ['accounting-source-documents'],
      anchor: LV_ACCOUNTING.anchor,
      period: LV_ACCOUNTING.period,
      action: 'erase',
      description: t(
        'Grāmatvedības attaisnojuma dokumentus glabā vismaz piecus gadus pēc pārskata gada beigām, kā to nosaka Grāmatvedības likums.',
        'Accounting source documents are kept for at least five years after the end of the financial year, as the Accounting Law requires.',
      ),
      ref: [
        clause('29.2'),
        ...LV_ACCOUNTING.ref,
        assumed('29.2', 'statutory period applied by Regula: the notice refers to periods set by law without naming one; the Accounting Law\'s five years for source documents is applied'),
      ],
    },
    {
      id: 'accounting-registers',
      kind: 'period',
      categories: ['accounting-registers'],
      anchor: 'financial-year-end',
      period: { years: 10 },
      action: 'erase',
      description: t(
        'Grāmatvedības reģistrus glabā desmit gadus pēc pārskata gada beigām, kā to nosaka Grāmatvedības likums.',
        'Accounting registers are kept for ten years after the end of the financial year, as the Accounting Law requires.',
      ),
      ref: [
        clause('29.2'),
        { source: 'LV-GRAMATVEDIBA' },
        { source: 'LEGAL-NOTES', at: 'National specifics (LV)' },
        assumed('29.2', 'statutory period applied by Regula: the notice refers to periods set by law without naming one; the Accounting Law\'s ten years for accounting registers is applied'),
      ],
    },
  ],
  security: securityMeasures(),
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: clauses('12'),
  },
  location: t(
    'Inomedis dokumentu pārvaldības un grāmatvedības sistēmas un papīra arhīvs.',
    'Inomedis\'s document-management and accounting systems and paper archive.',
  ),
  dpia: {
    required: false,
    status: 'not-required',
    reason: t('Parasta dokumentu arhivēšana.', 'Ordinary document archiving.'),
    ref: [assumed('12', NO_DPIA_ASSUMED), { source: 'GDPR', at: 'Art. 35' }],
  },
  systems: ['accounting', 'document-archive'],
  ref: clauses('12', '29'),
};
