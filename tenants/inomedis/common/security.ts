import { SecurityMeasure } from '@regula/engine';
import { clause, t } from './text';

/**
 * The security measures of clauses 33-35. The notice states them once for all
 * client data, so every register carries the same list. Nothing is added that
 * the notice does not say (no encryption, access control or backups are
 * claimed there).
 */
export function securityMeasures(): SecurityMeasure[] {
  return [
    {
      id: 'firewalls',
      type: 'technical',
      control: 'firewall',
      description: t(
        'Informācijas sistēmas, kurās apstrādā personas datus, aizsargā ugunsmūri pret nesankcionētu piekļuvi.',
        'The information systems that process personal data are protected by firewalls against unauthorised access.',
      ),
      ref: [clause('33')],
    },
    {
      id: 'intrusion-detection',
      type: 'technical',
      control: 'intrusion-detection',
      description: t(
        'Ielaušanās atklāšanas un drošības analīzes programmatūra uzrauga sistēmas, lai laikus konstatētu uzbrukumus un datu noplūdes.',
        'Intrusion-detection and security-analysis software monitors the systems so that attacks and data leaks are detected in time.',
      ),
      ref: [clause('33', 'the notice lists "intrusion detection, analysis software"; read as one monitoring measure')],
    },
    {
      id: 'processor-vetting',
      type: 'organisational',
      control: 'processor-vetting',
      description: t(
        'Pirms sadarbības Inomedis pārbauda katru pakalpojumu sniedzēju, kas apstrādā personas datus tās vārdā, un izvērtē tā drošības pasākumus; apstrādātāji datus drīkst izmantot tikai saskaņā ar Inomedis norādījumiem un ne saviem nolūkiem.',
        'Before working with a service provider that processes personal data on its behalf, Inomedis vets it and assesses its security measures; processors may use the data only on Inomedis\'s instructions and never for their own purposes.',
      ),
      ref: [clause('34')],
    },
    {
      id: 'breach-response',
      type: 'organisational',
      control: 'incident-response',
      description: t(
        'Personas datu aizsardzības pārkāpuma gadījumā Inomedis par to paziņo Datu valsts inspekcijai un, ja nepieciešams, arī skartajiem datu subjektiem; pasākumus regulāri pārskata un pilnveido.',
        'In the event of a personal data breach Inomedis notifies the Data State Inspectorate and, where necessary, the data subjects concerned; the measures are reviewed and improved on a continuing basis.',
      ),
      ref: [
        clause('35'),
        clause('33', 'continuous review and improvement of the measures'),
        { source: 'GDPR', at: 'Art. 33-34', note: 'the 72 hours to notify DVI and the high-risk test for telling subjects are the law\'s; the text states neither' },
      ],
    },
  ];
}
