const withRetour = (path: string, retour?: string) => (retour ? `${path}?retour=${encodeURIComponent(retour)}` : path);

/** The page asking for the code (it sends an account that has to enrol on to the enrolment page). */
export const secondFactorPath = (communeSlug: string, retour?: string) =>
  withRetour(`/${communeSlug}/double-authentification`, retour);

/** The enrolment page (QR code, first code, recovery codes). */
export const enrolmentPath = (communeSlug: string, retour?: string) =>
  withRetour(`/${communeSlug}/double-authentification/activation`, retour);
