import type { Ref, SecurityControl } from '@regula/engine';

/**
 * The security checklist of the CNIL's basic record template ("Registre des
 * activités de traitement", modèle de base, section "Mesures de sécurité"):
 * each item is ticked when the register states a measure of one of its
 * controls. The mapping of the engine's controls to the items is ours.
 */
export const CNIL_SECURITY_REF: Ref = { source: 'CNIL-RECORD-TEMPLATE', at: 'Mesures de sécurité', note: 'mapping of the engine\'s security controls to the checklist items is Regula\'s' };

export const CNIL_SECURITY_ITEMS = [
  { key: 'access-control', label: 'User access control and authentication', controls: ['access-control', 'feature-permissions', 'password-hashing', 'personal-accounts', 'rate-limiting'] },
  { key: 'traceability', label: 'User traceability', controls: ['audit-log'] },
  { key: 'software-protection', label: 'Software protection (updates, input checks, network protection)', controls: ['input-validation', 'upload-checks', 'html-sanitising', 'firewall', 'intrusion-detection', 'network-segregation'] },
  { key: 'backups', label: 'Data backups', controls: ['backups'] },
  { key: 'encryption', label: 'Encryption of data', controls: ['encryption-in-transit', 'encryption-at-rest'] },
  { key: 'processor-contracts', label: 'Processor contracts and checks', controls: ['processor-vetting'] },
  { key: 'physical-security', label: 'Physical security', controls: ['physical-security'] },
  { key: 'other', label: 'Other measures', controls: ['confidentiality-obligations', 'staff-training', 'incident-response', 'pseudonymisation'] },
] as const satisfies readonly { key: string; label: string; controls: readonly SecurityControl[] }[];

export type CnilSecurityItem = (typeof CNIL_SECURITY_ITEMS)[number]['key'];
