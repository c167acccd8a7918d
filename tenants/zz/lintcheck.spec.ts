import { lintController } from '@regula/engine';
import { findTenant } from '@regula/tenants';
test('x', () => {
  for (const slug of ['inomedis', 'micromedic', 'softera-baltic', 'medical-management']) {
    const f = lintController(findTenant(slug)!).filter((x) => x.severity !== 'info');
    console.log(slug + '\n' + f.map((x) => `${x.severity} ${x.code} ${x.path}`).join('\n'));
  }
});
