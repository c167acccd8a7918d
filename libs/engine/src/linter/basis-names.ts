import { Art6Basis } from '../schema/legal-basis';

/** Short names of the Art. 6(1) bases, for messages. */
export const BASIS_NAMES: Record<Art6Basis, string> = {
  '6(1)(a)': 'consent',
  '6(1)(b)': 'contract',
  '6(1)(c)': 'legal obligation',
  '6(1)(d)': 'vital interests',
  '6(1)(e)': 'public task',
  '6(1)(f)': 'legitimate interests',
};

export function describeBasis(basis: string): string {
  const name = BASIS_NAMES[basis as Art6Basis];
  return name ? `Art. ${basis} (${name})` : `"${basis}"`;
}
