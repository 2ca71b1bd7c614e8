/**
 * Column and table names are derived from property names by two small rules, so
 * they stay stable as long as the schemas' property names do.
 */

/** `dateInForce` → `date_in_force`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** English plural to singular, enough for property names: `parties` → `party`, `roles` → `role`; `status` stays. */
export function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (name.endsWith('s') && !name.endsWith('ss') && !name.endsWith('us')) return name.slice(0, -1);
  return name;
}
