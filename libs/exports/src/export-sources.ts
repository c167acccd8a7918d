/**
 * The templates the exports follow, named by the `source` of the refs in
 * record/record-columns.ts and record/cnil-security.ts (the laws they cite
 * are in the engine's catalogue, `LAWS`).
 */
export const EXPORT_SOURCES: Record<string, { title: string; url?: string }> = {
  'ICO-CONTROLLER-TEMPLATE': {
    title: 'UK Information Commissioner\'s Office, Documentation template for controllers (record of processing activities)',
    url: 'https://ico.org.uk/for-organisations/advice-for-small-organisations/getting-started-with-gdpr/documentation-template-for-controllers/',
  },
  'CNIL-RECORD-TEMPLATE': {
    title: 'CNIL, Registre des activités de traitement, modèle de base (fiche de traitement: durées de conservation par catégorie de données, mesures de sécurité)',
    url: 'https://www.cnil.fr/fr/RGDP-le-registre-des-activites-de-traitement',
  },
  'SEED-001': {
    title: 'Register description "Customer and Marketing Register" (source document 001_0125f64d8cab3a5d): the numbered layout of the register descriptions',
  },
};
