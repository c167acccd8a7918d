import { contrastRatio } from '../../web/brand-colours';
import { ADMIN_STYLESHEET } from './admin-assets';

/** The dashboard's own colour pairs (text on background) reach WCAG 2.x AA, 4.5:1. */
describe('dashboard colours', () => {
  const pairs: [string, string, string][] = [
    ['overdue row', '#FFFFFF', '#7A1010'],
    ['amber row text', '#1A1A1A', '#FFF1C2'],
    ['amber row link', '#111111', '#FFF1C2'],
    ['red row text', '#1A1A1A', '#FDE2E1'],
    ['red row link', '#111111', '#FDE2E1'],
    ['paused or closed row', '#3D3D3D', '#FFFFFF'],
    ['navigation bar', '#1A1A1A', '#F3F4F6'],
    ['danger button', '#FFFFFF', '#B3261E'],
  ];

  it.each(pairs)('%s: %s on %s', (_name, fg, bg) => {
    expect(ADMIN_STYLESHEET.toUpperCase()).toContain(bg.toUpperCase());
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
});
