import { Register } from '@regula/engine';
import { authorities, processors } from '../common/recipients';
import { securityMeasures } from '../common/security';
import { assumed, clause, clauses, corrected, NO_DPIA_ASSUMED, registerFieldRefs, t } from '../common/text';

/**
 * Video surveillance of visitors to the Rīga office (clause 2.2). The notice
 * cites vital interests (clause 14, kept in `citedInNotice`); that basis cannot
 * carry continuous surveillance, so the basis is corrected to legitimate
 * interests and the linter warns about the notice.
 */
export const videoSurveillanceRegister: Register = {
  id: 'video-surveillance',
  name: t('Biroja videonovērošana', 'Office video surveillance'),
  businessFunction: t('Biroja drošība', 'Office security'),
  description: t(
    'Inomedis biroja apmeklētāju videonovērošana G. Astras ielā 1C, Rīgā.',
    'Video surveillance of visitors to the Inomedis office at G. Astras iela 1C, Rīga.',
  ),
  purposes: [
    {
      id: 'safety',
      name: t('Personu drošība birojā', 'Safety of persons at the office'),
      description: t(
        'Biroja apmeklētāju un citu personu dzīvības un veselības aizsardzība, izmantojot videonovērošanu.',
        'Protecting the life and health of office visitors and other persons by means of video surveillance.',
      ),
      legalBases: [
        {
          article: '6(1)(f)',
          citedInNotice: '6(1)(d)',
          description: t(
            'Apstrāde ir nepieciešama Inomedis leģitīmo interešu ievērošanai.',
            'The processing is necessary for the legitimate interests pursued by Inomedis.',
          ),
          legitimateInterest: t(
            'Biroja apmeklētāju un citu personu dzīvības un veselības aizsardzība birojā.',
            'Protecting the life and health of office visitors and other persons at the office.',
          ),
          ref: [
            clause('14', 'the notice cites vital interests, Art. 6(1)(d), with video surveillance as its example'),
            corrected(
              'GDPR',
              'Art. 6(1)(f), recital 46',
              'clause 14 bases video surveillance on vital interests, which covers only a threat to life or health that no other basis can meet, not continuous surveillance (EDPB Guidelines 3/2019, section 3); the basis is legitimate interests, with the protection of persons at the office as the interest pursued',
            ),
          ],
        },
      ],
      categories: ['video'],
      ref: clauses('2.2', '14'),
    },
  ],
  subjects: [
    {
      id: 'visitors',
      kind: 'office-visitor',
      name: t('Biroja apmeklētāji', 'Office visitors'),
      description: t(
        'Personas, kas apmeklē Inomedis biroju un nonāk videokameru redzeslokā.',
        'Persons who visit the Inomedis office and come within the cameras\' view.',
      ),
      ref: clauses('2.2'),
    },
  ],
  dataCategories: [
    {
      id: 'video',
      name: t('Videoieraksti', 'Video recordings'),
      fields: t(
        'Personas attēls videoierakstā, ieraksta datums, laiks un kameras atrašanās vieta.',
        'The person\'s image in the recording, and the date, time and camera location of the recording.',
      ),
      required: false,
      providedBySubject: false,
      sources: ['cameras'],
      ref: [clause('2.2'), assumed('2.2', 'fields are Regula\'s: they follow from the nature of video surveillance; the notice lists none')],
    },
  ],
  sources: [
    {
      id: 'cameras',
      kind: 'internal-system',
      description: t('Inomedis biroja videonovērošanas kameras.', 'The video cameras at the Inomedis office.'),
      ref: clauses('2.2'),
    },
  ],
  recipients: [
    authorities(),
    processors(
      t(
        'Pakalpojumu sniedzēji, kas Inomedis uzdevumā uztur videonovērošanas sistēmu.',
        'Service providers that maintain the video-surveillance system on Inomedis\'s behalf.',
      ),
    ),
  ],
  transfers: 'none',
  fieldRefs: registerFieldRefs('location assumed: the notice does not say where recordings are kept'),
  retention: [
    {
      id: 'video-recordings',
      kind: 'period',
      categories: ['video'],
      anchor: 'recorded',
      period: { days: 14 },
      action: 'erase',
      description: t(
        'Videoierakstus automātiski dzēš 14 dienas pēc ieraksta veikšanas. Ierakstu, kas nepieciešams konkrēta incidenta izmeklēšanai, glabā atsevišķi, kamēr izmeklēšana nav pabeigta.',
        'Video recordings are erased automatically 14 days after they were made. A recording needed to investigate a specific incident is kept separately until the investigation is closed.',
      ),
      ref: [
        assumed('29', 'period chosen by Regula: the notice sets no period for recordings; EDPB Guidelines 3/2019 ask for a few days and a justification beyond 72 hours, and 14 days covers long weekends and holidays before an incident is noticed'),
        { source: 'GDPR', at: 'Art. 5(1)(e)' },
      ],
    },
  ],
  security: securityMeasures(),
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [clause('2.2', 'no facial recognition or other automated evaluation is stated')],
  },
  location: t('Videonovērošanas ierakstu iekārta Inomedis birojā Rīgā.', 'The video recorder at the Inomedis office in Rīga.'),
  dpia: {
    required: false,
    status: 'not-required',
    reason: t(
      'Neliela biroja telpu novērošana, nevis sabiedrībai pieejamas vietas sistemātiska liela mēroga uzraudzība; jāpārvērtē, ja kameras aptver publisku telpu.',
      'Surveillance of a small office, not systematic large-scale monitoring of a publicly accessible area; to be reassessed if cameras cover public space.',
    ),
    ref: [assumed('2.2', NO_DPIA_ASSUMED), { source: 'GDPR', at: 'Art. 35(3)(c)' }],
  },
  systems: ['cctv'],
  ref: clauses('2.2', '14'),
};
