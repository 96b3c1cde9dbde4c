/** The address of a child's photo (served to the family and the commune's agents only); `version` defeats stale copies. */
export function childPhotoUrl(slug: string, childId: string, version?: Date | string | null): string {
  const base = `/${slug}/espace-famille/dossier/enfants/${childId}/photo`;
  return version ? `${base}?v=${new Date(version).getTime()}` : base;
}
