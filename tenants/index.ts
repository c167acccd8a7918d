import { ControllerDefinition } from '@regula/engine';
import { definition as medicalManagement } from './medical-management';
import { definition as softeraBaltic } from './softera-baltic';
import { definition as micromedic } from './micromedic';
import { definition as inomedis } from './inomedis';

/** Every controller Regula runs, in a stable order. */
export const TENANTS: ControllerDefinition[] = [medicalManagement, softeraBaltic, micromedic, inomedis];

export function findTenant(slug: string): ControllerDefinition | undefined {
  return TENANTS.find((t) => t.slug === slug);
}
export { marketingRegister } from './inomedis/registers/marketing.register';
export { inomedis, medicalManagement, micromedic, softeraBaltic };
