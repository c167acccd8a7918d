import { esc, htmlPage } from '@regula/requests';
import { DescriptionItem, DescriptionModel } from './description-model';

const item = (i: DescriptionItem): string =>
  `<li>${esc(i.text)}${i.sub?.length ? `<ul>${i.sub.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>` : ''}</li>`;

/** The description as one self-contained, escaped HTML page (no scripts, styles inline, nothing fetched). */
export function descriptionHtml(m: DescriptionModel): string {
  const body = [
    `<p class="meta">${esc(m.controllerName)}</p>`,
    `<h1>${esc(m.title)}</h1>`,
    `<p class="meta">${esc(m.stamp)}</p>`,
    ...m.sections.map((s) =>
      [
        `<section id="s${s.n}">`,
        `<h2>${s.n}. ${esc(s.heading)}</h2>`,
        ...s.paragraphs.map((p) => `<p>${esc(p)}</p>`),
        s.items.length ? `<ul>${s.items.map(item).join('')}</ul>` : '',
        ...(s.closing ?? []).map((p) => `<p>${esc(p)}</p>`),
        s.note ? `<p class="note">${esc(s.note)}</p>` : '',
        `</section>`,
      ].join('\n'),
    ),
  ].join('\n');
  return htmlPage(m.lang, `${m.title} (${m.controllerName})`, body);
}
