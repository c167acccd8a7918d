import { Lang } from '@regula/engine';
import { REQUEST_TYPES, RequestType } from '@regula/requests';
import { LocalText, localText } from '../web/i18n';
import { addressLines, countryName, telHref, webHref, webLabel } from '../web/format';
import { PublicTenant, isPlaceholder, offeredTypes } from '../web/public-tenant';
import { pageUrl } from './public-site.service';
import { IdentityWaysView, identityWays, identityWaysView } from './identity-ways.view';
import { MAX_UPLOAD_MB } from './public-limits';

type T = (key: string, vars?: Record<string, unknown>) => string;

export interface RightView {
  code: string;
  title: string;
  article: string;
  description?: LocalText;
  conditions?: LocalText;
  /** Where more than the e-mail code is asked for: the ways to show who one is, beside the conditions (the form lists the same). */
  identityWays?: IdentityWaysView;
  formUrl?: string;
  linkText?: string;
  complaint: boolean;
}

function contactLine(value: string | undefined) {
  return value && !isPlaceholder(value) ? value : undefined;
}

/** The home page: the rights with links to their forms, who the controller is, other channels. */
export function homeView(tenant: PublicTenant, lang: Lang, t: T) {
  const def = tenant.def;
  const name = def.branding?.displayName ?? def.brand ?? def.legalName;
  const types = new Set(offeredTypes(def));
  const typeOf = new Map(Object.entries(REQUEST_TYPES).map(([type, code]) => [code as string, type]));

  const rights: RightView[] = def.rights.map((r) => {
    const type = typeOf.get(r.right);
    const title = t(`rights.${r.right}`);
    // A suspended controller takes requests directly (its contact details below), not through a form here.
    const offered = !!type && types.has(type as never) && !tenant.suspended;
    return {
      code: r.right,
      title,
      article: t(`articles.${r.right}`),
      description: localText(r.description, lang),
      conditions: localText(r.conditions, lang),
      identityWays: offered && identityWays(def, type as RequestType)[0] !== 'email-code' ? identityWaysView(def, type as RequestType, lang, t, { name, maxMb: MAX_UPLOAD_MB }) : undefined,
      formUrl: offered ? pageUrl(`/t/${tenant.slug}/request/${type}`, lang) : undefined,
      linkText: offered ? t('home.makeRequest', { right: title }) : undefined,
      complaint: r.right === 'A77',
    };
  });

  const email = contactLine(def.contact.email);
  const phone = contactLine(def.contact.phone);
  const dpo = def.dpo === 'none' ? null : def.dpo;
  return {
    name,
    intro: t('home.intro', { name }),
    suspended: tenant.suspended ? t('home.suspended', { name }) : undefined,
    deadline: t('home.deadline', { name }),
    rights,
    controller: {
      legalName: def.legalName,
      brand: def.brand && def.brand !== def.legalName ? def.brand : undefined,
      registryCode: def.registryCode,
      registryName: localText(def.registryName, lang),
      vatNumber: def.vatNumber,
      legalAddress: addressLines(def.legalAddress, lang),
      officeAddress: addressLines(def.officeAddress, lang) ?? undefined,
      email,
      mailto: email ? `mailto:${email}` : undefined,
      phone,
      tel: telHref(phone),
      web: webHref(def.contact.web),
      webLabel: def.contact.web ? webLabel(def.contact.web) : undefined,
      instructions: localText(def.contact.instructions, lang),
    },
    dpo: dpo
      ? {
          name: dpo.name,
          title: localText(dpo.title, lang),
          email: dpo.email,
          mailto: dpo.email ? `mailto:${dpo.email}` : undefined,
          phone: dpo.phone,
          tel: telHref(dpo.phone),
        }
      : null,
    dpoNone: t('home.dpoNone', { name }),
    group: def.groupCompanies.map((g) => ({
      name: g.name,
      relation: t(`home.relation.${g.relation}`),
      country: g.country ? countryName(g.country, lang) : undefined,
      registryCode: g.registryCode,
      sharing: g.sharing ? localText(g.sharing.description, lang) : undefined,
      purpose: g.sharing ? localText(g.sharing.purpose, lang) : undefined,
    })),
    channels: def.requests.channels
      .filter((c) => !isPlaceholder(c.value.en))
      .map((c) => ({ kind: t(`home.channel.${c.kind}`), value: localText(c.value, lang) })),
    authorityIntro: t('home.authorityIntro', { name }),
  };
}
