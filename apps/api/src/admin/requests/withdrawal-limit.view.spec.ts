import path from 'node:path';
import type { Lang } from '@regula/engine';
import { PublicI18n } from '../../web/i18n';
import type { AdminTenant } from '../shared/admin-request';
import { withdrawalLimitView } from './withdrawal-limit.view';

const i18n = new PublicI18n(path.join(__dirname, '..', 'i18n'));
/** The page's translator over the dashboard's catalogues (placeholders and plurals filled in). */
const translator = (lang: Lang) => (key: string, vars: Record<string, unknown> = {}) => i18n.t(lang, key, vars);

describe('the withdrawal limit on the request page and in the queue (today passed in, no wall clock)', () => {
  const tenant = {
    slug: 'inomedis', name: 'Inomedis', timeZone: 'Europe/Riga',
    def: {
      jurisdiction: { country: 'LV', timeZone: 'Europe/Riga' },
      requests: { consentWithdrawalWorkingDays: 3, fieldRefs: { consentWithdrawalWorkingDays: [{ source: 'notice', at: 'clause 15' }] } },
      documents: [{ id: 'notice', title: 'Inomedis privacy policy', language: 'lv', role: 'notice' }],
    },
  } as unknown as AdminTenant;
  // Fri 19 June 2026, 18:00 in Riga; 23 and 24 June are holidays: the third working day is Fri 26 June.
  const request = { type: 'consent-withdrawal', receivedAt: new Date('2026-06-19T15:00:00Z'), closedAt: null };

  it('names the date and the clause, and grows urgent as the days pass, in the words of the deadline column', () => {
    const t = translator('en');
    const before = withdrawalLimitView(request, tenant, 'en', '2026-06-19', t)!;
    expect(before).toMatchObject({ dueDate: '2026-06-26', urgency: 'soon', daysLeft: '7 days left', flag: 'withdrawal due soon' });
    expect(before.text).toBe('Withdrawal to be carried out by 26 June 2026 (Inomedis privacy notice, clause 15)');
    expect(before.received).toContain('19 June 2026');
    expect(withdrawalLimitView(request, tenant, 'en', '2026-06-26', t)).toMatchObject({ urgency: 'critical', daysLeft: 'Due today' });
    expect(withdrawalLimitView(request, tenant, 'en', '2026-06-27', t)).toMatchObject({ urgency: 'overdue', daysLeft: 'Overdue by 1 day', flag: 'withdrawal limit passed' });
    // Done: nothing flagged.
    const closed = withdrawalLimitView({ ...request, closedAt: new Date('2026-06-22T09:00:00Z') }, tenant, 'en', '2026-06-27', t)!;
    expect(closed.urgency).toBe('closed');
    expect(closed.flag).toBeUndefined();
  });

  it('is whole in each dashboard language', () => {
    const words: Record<string, string> = { et: 'punkt 15', lt: '15 punktas', lv: '15. punkts', sv: 'punkt 15' };
    for (const [lang, clause] of Object.entries(words)) {
      const view = withdrawalLimitView(request, tenant, lang as Lang, '2026-06-27', translator(lang as Lang))!;
      expect(view.text).toContain(clause);
      expect(view.text).not.toMatch(/withdraw|clause|notice/i);
      expect(view.flag).toBe(i18n.t(lang as Lang, 'withdrawalLimit.flagPassed'));
    }
  });

  it('is none for other types and for a controller that promised no period', () => {
    const t = translator('en');
    expect(withdrawalLimitView({ ...request, type: 'erasure' }, tenant, 'en', '2026-06-19', t)).toBeNull();
    const atOnce = { ...tenant, def: { ...tenant.def, requests: { consentWithdrawalWorkingDays: 0 } } } as unknown as AdminTenant;
    expect(withdrawalLimitView(request, atOnce, 'en', '2026-06-19', t)).toBeNull();
  });
});
