/**
 * SQL for the e-mail address of the data subject of a row aliased `alias`
 * (one with `tenant_id` and `subject_id`): the first of the subject's e-mail
 * identifiers, or NULL; as the column `email`.
 */
export function subjectEmailColumn(alias: string): string {
  return `(SELECT i.value FROM subject_identifiers i WHERE i.tenant_id = ${alias}.tenant_id AND i.subject_id = ${alias}.subject_id AND i.kind = 'email' ORDER BY i.value LIMIT 1) AS email`;
}
