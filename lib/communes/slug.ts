/** What a commune's slug looks like: what an address or a form may name before the database is asked. */
export const COMMUNE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const COMMUNE_SLUG_MAX = 63;

export function isCommuneSlug(value: string): boolean {
  return value.length <= COMMUNE_SLUG_MAX && COMMUNE_SLUG.test(value);
}
