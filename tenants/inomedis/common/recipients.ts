import { Recipient } from '@regula/engine';
import { assumed, clause, t } from './text';

/** Service providers processing personal data on Inomedis's behalf (clause 34). */
export function processors(description?: { lv: string; en: string }): Recipient {
  return {
    id: 'processors',
    kind: 'processor',
    name: t('Personas datu apstrādātāji (pakalpojumu sniedzēji)', 'Processors (service providers)'),
    description:
      description ??
      t(
        'Pakalpojumu sniedzēji, kas Inomedis vārdā un uzdevumā apstrādā personas datus, piemēram, IT un uzturēšanas pakalpojumu sniedzēji. Tos pirms sadarbības pārbauda, un tie datus nedrīkst izmantot saviem nolūkiem.',
        'Service providers that process personal data on Inomedis\'s behalf and on its instructions, such as IT and maintenance providers. They are vetted beforehand and may not use the data for their own purposes.',
      ),
    dpa: true,
    country: 'unknown',
    ref: [
      clause('34'),
      assumed(
        '34',
        'dpa: an Art. 28(3) contract is inferred from "on Inomedis\'s behalf and instructions, not for their own purposes"; the notice names no processor and no country (recorded as unknown), and which services they provide is Regula\'s description',
      ),
    ],
  };
}

/** Law-enforcement bodies, courts and other state and municipal institutions (clauses 16, 31, 32). */
export function authorities(): Recipient {
  return {
    id: 'authorities',
    kind: 'authority',
    name: t(
      'Tiesībsargājošās iestādes, tiesas un citas valsts un pašvaldību iestādes',
      'Law-enforcement bodies, courts and other state and municipal institutions',
    ),
    description: t(
      'Saņem datus tikai tad, ja to paredz normatīvie akti vai pamatots iestādes pieprasījums, un tikai tādā apjomā, kāds nepieciešams un pietiekams konkrētajā gadījumā.',
      'Receive data only where the law provides for it or on a justified request of the institution, and only to the extent that is necessary and sufficient in the case at hand.',
    ),
    country: 'LV',
    ref: [clause('16'), clause('31'), clause('32')],
  };
}
