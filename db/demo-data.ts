/*
 * The demo's logins, codes and families (also printed in the README), and the copies of its families that an
 * end-to-end run seeds (E2E_FAMILY_COPIES): plain data, shared by the seed and the Playwright tests.
 */

export const demo = {
  commune: { slug: "demo", name: "Ville de Démo" },
  otherCommune: { slug: "autreville", name: "Autreville" },
  family: { email: "famille@demo.fr", password: "Famille2026demo" },
  agent: { email: "agent@demo.fr", password: "Agent2026demo" },
  /** The admin signs in with a second factor: add `totpSecret` to an authenticator app (or compute its codes). */
  admin: { email: "admin@demo.fr", password: "Admin2026demo", totpSecret: "PORTAILFAMILLEDEMOADMINTOTP23457" },
  otherFamily: { email: "famille@autreville.fr", password: "Famille2026autre" },
  /** Autreville's admin (Identité de la commune: its logo and colour are set there, never on the demo's commune). */
  otherAdmin: {
    email: "admin@autreville.fr",
    password: "Admin2026autre",
    totpSecret: "PORTAILFAMILLEAUTREADMINTOTP2345",
  },
  /** Household already linked to the demo family account. */
  subscribedCode: "MRT7K2Q9WX",
  /** An account created but never activated, whose activation link has expired (shows that page). */
  expiredActivation: { email: "en-attente@demo.fr", token: "demo-lien-d-activation-expire" },
  /** Household with no account yet: subscribe with this code… */
  unsubscribedCode: "DRD4H8P3LN",
  /** …or with this invoice of it. */
  invoice: { emissionCode: "2026-10-CANT", reference: "F2026-000412", amount: "86,40", personalCode: "PC4821" },
} as const;

/** The families of the demo commune that a visitor (or a test) may change. */
export interface FamilySet {
  /** A household with its family account: guardians Claire and Julien, children Léa, Hugo and Zoé. */
  martin: { name: string; code: string; account: { email: string; password: string } };
  /** A household no account is linked to yet: guardian Karim, child Inès. */
  durand: { name: string; code: string };
  /** An account created but never activated, whose activation link has expired. */
  pending: { email: string; password: string; token: string };
}

export const demoFamilies: FamilySet = {
  martin: { name: "MARTIN", code: demo.subscribedCode, account: demo.family },
  durand: { name: "DURAND", code: demo.unsubscribedCode },
  pending: { ...demo.expiredActivation, password: "EnAttente2026demo" },
};

// Letters only (no I, L or O, as in codes abonnés), two of them: no copy's name or code is part of another's.
const TAG_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ";

/**
 * Copy `index` (from 1) of the demo's families, for one end-to-end test to change at will: the same people and
 * days, under their own names ("MARTIN-AB"), codes and logins.
 */
export function familyCopy(index: number): FamilySet {
  const tag = `${TAG_LETTERS[Math.floor(index / TAG_LETTERS.length)]}${TAG_LETTERS[index % TAG_LETTERS.length]}`;
  const lower = tag.toLowerCase();
  return {
    martin: {
      name: `MARTIN-${tag}`,
      code: `MRTE2E${tag}ZZ`,
      account: { email: `famille-${lower}@demo.fr`, password: demo.family.password },
    },
    durand: { name: `DURAND-${tag}`, code: `DRDE2E${tag}ZZ` },
    pending: {
      email: `en-attente-${lower}@demo.fr`,
      password: demoFamilies.pending.password,
      token: `${demo.expiredActivation.token}-${lower}`,
    },
  };
}

/**
 * The crèche family (db/seed-nursery.ts): its account sees a place proposed for the baby it was expecting, to
 * accept with the birth's details (the end-to-end test of the answer takes it).
 */
export const nurseryDemoFamily = {
  name: "BLANC",
  code: "BLC5N7R2KT",
  guardian: { civility: "MME", firstName: "Amélie" },
  account: { email: "famille-creche@demo.fr", password: "Famille2026creche" },
} as const;
