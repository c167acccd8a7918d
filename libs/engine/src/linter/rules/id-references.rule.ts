import { ControllerDefinition } from '../../schema/controller';
import { Register } from '../../schema/register';
import { finding } from '../codes';
import { idsOf, itemsAt, listOf, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';

function ids(list: unknown): Set<string> {
  return new Set(idsOf(list));
}

/** Reports each id in `refs` (the list at `listPath`) that `known` lacks. */
function dangling(listPath: string, refs: unknown, known: Set<string>, what: string, owner: string): Finding[] {
  return listOf(refs as string[]).flatMap((id, i) =>
    known.has(id) ? [] : [finding('dangling-reference', `${listPath}[${i}]`, `${owner} refers to ${what} '${id}', which the register does not define: fix the id or add the ${what}.`)],
  );
}

function checkRegister(register: Register, path: string): Finding[] {
  const out: Finding[] = [];
  const categories = ids(register.dataCategories);
  const sources = ids(register.sources);
  const recipients = ids(register.recipients);
  const used = new Set<string>();
  for (const { item, path: p } of itemsAt(path, 'purposes', register.purposes)) {
    listOf(item.categories).forEach((id) => used.add(id));
    out.push(...dangling(`${p}.categories`, item.categories, categories, 'data category', `Purpose '${item.id}'`));
  }
  for (const { item, path: p } of itemsAt(path, 'dataCategories', register.dataCategories)) {
    out.push(...dangling(`${p}.sources`, item.sources, sources, 'source', `Data category '${item.id}'`));
  }
  for (const { item, path: p } of itemsAt(path, 'recipients', register.recipients)) {
    out.push(...dangling(`${p}.categories`, item.categories, categories, 'data category', `Recipient '${item.id}'`));
  }
  for (const { item, path: p } of itemsAt(path, 'transfers', register.transfers)) {
    out.push(...dangling(`${p}.recipients`, item.recipients, recipients, 'recipient', `Transfer '${item.id}'`));
  }
  for (const { item, path: p } of itemsAt(path, 'retention', register.retention)) {
    out.push(...dangling(`${p}.categories`, item.categories, categories, 'data category', `Retention rule '${item.id}'`));
  }
  for (const { item, path: p } of itemsAt(path, 'dataCategories', register.dataCategories)) {
    if (!used.has(item.id)) {
      out.push(finding('unused-data-category', p, `No purpose of register '${register.id}' processes data category '${item.id}': add it to the purpose that needs it, or drop it (purpose limitation and data minimisation, Art. 5(1)(b)-(c)).`, item.ref));
    }
  }
  return out;
}

/** The registers whose subjects are e-mailed about material policy changes must exist. */
function checkAccountRegisters(def: ControllerDefinition): Finding[] {
  const known = ids(def.registers);
  return listOf(def.policyChanges?.accountRegisters).flatMap((id, i) =>
    known.has(id)
      ? []
      : [finding('dangling-reference', `policyChanges.accountRegisters[${i}]`, `policyChanges.accountRegisters names register '${id}', which the controller does not define: nobody would be told of a material change by e-mail.`)],
  );
}

/** Id references inside a register point to items that exist; every data category serves a purpose. */
export const idReferencesRule: LintRule = {
  name: 'id-references',
  codes: ['dangling-reference', 'unused-data-category'],
  check: (def: ControllerDefinition) => [...registersOf(def).flatMap(({ item, path }) => checkRegister(item, path)), ...checkAccountRegisters(def)],
};
