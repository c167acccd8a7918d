/** The rows of an UPDATE/DELETE ... RETURNING (TypeORM's postgres driver answers [rows, count] for those). */
export function returned<T>(result: unknown): T[] {
  return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as T[];
}
