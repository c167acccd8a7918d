import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { itemsAt } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';

function check(def: ControllerDefinition): Finding[] {
  return itemsAt('notice', 'remarks', def.notice?.remarks).map(({ item, path }) => ({
    ...finding('notice-remark', path, item.text?.en ?? '(remark without English text)', item.ref),
    severity: item.severity === 'warning' ? 'warning' : 'info',
  }));
}

/** Remarks about the notice recorded by the tenant author, passed through with their own severity. */
export const noticeRemarksRule: LintRule = { name: 'notice-remarks', codes: ['notice-remark'], check };
