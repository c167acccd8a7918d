import { ControllerDefinition, Lang, Register, Text, codeWord, formatAddress, isPlaceholderText, resolveText } from '@regula/engine';
import { durationText, rightsForRegister } from '../record/record-model';
import { DESCRIPTION_LABELS } from './description-labels';

/** A line of a section, with optional sub-lines (a purpose and its legal bases). */
export interface DescriptionItem {
  text: string;
  sub?: string[];
}

export interface DescriptionSection {
  /** 1-8, the source document 001 numbering. */
  n: number;
  heading: string;
  paragraphs: string[];
  items: DescriptionItem[];
  /** Paragraphs after the list. */
  closing?: string[];
  note?: string;
}

/** One register's description in one language, the frame of the HTML and PDF documents. */
export interface DescriptionModel {
  lang: Lang;
  title: string;
  controllerName: string;
  registerKey: string;
  registerName: string;
  /** "As of 2026-11-21 (Europe/Riga), register version 2". */
  stamp: string;
  pageOf: string;
  sections: DescriptionSection[];
}

export interface DescriptionMeta {
  asOf: string;
  timeZone: string;
  version: number;
}

/**
 * A register description in the numbered layout of the source document 001
 * (name; legal basis and purpose; data, with `*` for what the contract
 * requires; sources; disclosures and transfers; protection and storage;
 * rights; contact), built from the register version valid at the as-of date.
 */
export function buildDescriptionModel(def: ControllerDefinition, r: Register, lang: Lang, meta: DescriptionMeta): DescriptionModel {
  const L = DESCRIPTION_LABELS[lang];
  const tx = (t: Text) => resolveText(t, lang).text;
  const recipients = r.recipients === 'none' ? [] : r.recipients;
  const transfers = r.transfers === 'none' ? [] : r.transfers;
  const cat = new Map(r.dataCategories.map((c) => [c.id, tx(c.name)]));
  const a = def.jurisdiction.authority;
  const section = (n: number, body: Omit<DescriptionSection, 'n' | 'heading'>): DescriptionSection => ({ n, heading: L.headings[n - 1], ...body });
  const dpo = def.dpo === 'none'
    ? L.noDpo
    : `${L.dpo}: ${[def.dpo.name, def.dpo.title && tx(def.dpo.title), def.dpo.email && `${L.email} ${def.dpo.email}`, def.dpo.phone && `${L.phone} ${def.dpo.phone}`].filter(Boolean).join(', ')}`;
  const rights = new Set(rightsForRegister(def, r));

  const sections: DescriptionSection[] = [
    section(1, {
      paragraphs: [tx(r.name), tx(r.description)],
      items: [
        { text: `${L.controller}: ${def.legalName}${def.brand ? ` ("${def.brand}")` : ''}, ${L.registryCode} ${def.registryCode}` },
        { text: `${L.businessFunction}: ${tx(r.businessFunction)}` },
      ],
    }),
    section(2, {
      paragraphs: [],
      items: r.purposes.map((p) => ({
        text: `${tx(p.name)}: ${tx(p.description)}`,
        sub: p.legalBases.map((b) =>
          [
            `${codeWord('legalBasis', b.article, lang) ?? b.article}: ${tx(b.description)}`,
            b.legitimateInterest && `${L.legitimateInterest}: ${tx(b.legitimateInterest)}`,
            b.legalObligation && `${L.legalObligation}: ${tx(b.legalObligation.law)}`,
          ].filter(Boolean).join(' ')),
      })),
    }),
    section(3, {
      paragraphs: [`${L.subjects}: ${r.subjects.map((s) => tx(s.name)).join(', ')}.`],
      items: r.dataCategories.map((c) => ({ text: `${tx(c.name)}${c.required ? '*' : ''}: ${tx(c.fields)}${c.special ? ` (${L.special})` : ''}` })),
      note: r.dataCategories.some((c) => c.required) ? L.requiredNote : undefined,
    }),
    section(4, { paragraphs: [], items: r.sources.map((s) => ({ text: tx(s.description) })) }),
    section(5, {
      paragraphs: recipients.length ? [] : [L.noRecipients],
      items: recipients.map((x) => ({ text: `${tx(x.name)} (${codeWord('recipientKind', x.kind, lang) ?? x.kind})${x.description ? `: ${tx(x.description)}` : ''}` })),
      closing: transfers.length
        ? transfers.map((t) => `${L.transfers}: ${tx(t.destination)}: ${t.safeguard ? codeWord('safeguard', t.safeguard, lang) ?? t.safeguard : L.noSafeguard}. ${tx(t.safeguardDetail)}`)
        : [L.noTransfers],
    }),
    section(6, {
      paragraphs: [`${L.location}: ${tx(r.location)}`],
      items: [
        ...r.security.map((m) => ({ text: tx(m.description) })),
        ...r.retention.map((rule) => ({
          text: `${L.retention}: ${rule.categories.map((c) => cat.get(c) ?? c).join(', ')}: ${tx(rule.description)}`,
          sub: rule.kind === 'period' ? [durationText(rule.period, lang)] : undefined,
        })),
      ],
    }),
    section(7, {
      paragraphs: [`${L.complaint}: ${[a.name, formatAddress(a.address, lang), a.email && `${L.email} ${a.email}`, a.phone && `${L.phone} ${a.phone}`, a.web].filter(Boolean).join(', ')}.`],
      items: def.rights.filter((x) => rights.has(x.right)).map((x) => ({ text: tx(x.description), sub: x.conditions ? [tx(x.conditions)] : undefined })),
    }),
    section(8, {
      paragraphs: [dpo],
      items: [
        // a value the controller has still to supply is left out, never printed as a fact
        { text: isPlaceholderText(def.legalAddress.street) ? def.legalName : `${def.legalName}, ${L.address} ${formatAddress(def.legalAddress, lang)}` },
        { text: [!isPlaceholderText(def.contact.email) && `${L.email} ${def.contact.email}`, def.contact.phone && `${L.phone} ${def.contact.phone}`, def.contact.web && `${L.web} ${def.contact.web}`].filter(Boolean).join(', ') },
        ...def.requests.channels.map((c) => ({ text: tx(c.value) })),
      ],
    }),
  ];
  return {
    lang,
    title: `${L.title}: ${tx(r.name)}`,
    controllerName: def.legalName,
    registerKey: r.id,
    registerName: tx(r.name),
    stamp: `${L.asOf} ${meta.asOf} (${meta.timeZone}), ${L.version} ${meta.version}`,
    pageOf: L.pageOf,
    sections,
  };
}
