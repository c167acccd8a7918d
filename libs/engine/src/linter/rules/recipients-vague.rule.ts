import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { itemsAt, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';
import { textValues } from '../walk';

/**
 * Names that say nothing about who receives the data, in en, et, lt, lv, sv:
 * "partners", "third parties", "others", "in your region". A category a reader
 * can recognise says what the recipients do (IT service providers, debt
 * collectors, courier companies).
 */
const VAGUE: RegExp[] = [
  /^\s*(?:(?:local|business|our|other|selected|trusted)\s+)*(?:partners?|third parties|others)(?:\s+in\s+(?:your|the client['’]s)\s+region)?\s*\.?$/iu,
  /^\s*(?:vietos\s+|kiti\s+)?(?:partneriai|trečiosios šalys|tretieji asmenys)(?:\s+(?:kliento|jūsų)\s+regione)?\s*\.?$/iu,
  /^\s*(?:vietējie\s+|citi\s+)?(?:partneri|trešās personas)(?:\s+jūsu reģionā)?\s*\.?$/iu,
  /^\s*(?:lokala\s+|andra\s+)?(?:partner|tredje parter?)(?:\s+i din region)?\s*\.?$/iu,
  /^\s*(?:kohalikud\s+|muud\s+)?(?:partnerid|kolmandad isikud)(?:\s+teie piirkonnas)?\s*\.?$/iu,
];

function check(def: ControllerDefinition): Finding[] {
  return registersOf(def).flatMap(({ item: register, path }) =>
    itemsAt(path, 'recipients', register.recipients).flatMap(({ item, path: p }) => {
      const values = textValues(item.name);
      const isVague = (v: string) => VAGUE.some((re) => re.test(v));
      const vague = values.some(isVague) ? (item.name?.en && isVague(item.name.en) ? item.name.en : values.find(isVague)) : undefined;
      if (vague === undefined) return [];
      return [finding(
        'recipient-vague', `${p}.name`,
        `Recipient '${item.id}' of register '${register.id}' is named only vaguely ("${vague}"): name the recipients, or a category a reader can recognise by what they do (e.g. "courier companies delivering orders"), and the purpose and basis of the disclosure (Art. 13(1)(e)).`,
        [...(Array.isArray(item.ref) ? item.ref : []), { source: 'GDPR', at: 'Art. 13(1)(e)' }],
      )];
    }),
  );
}

/** Recipients must be named, or described by a category a reader recognises. */
export const recipientsVagueRule: LintRule = { name: 'recipients-vague', codes: ['recipient-vague'], check };
