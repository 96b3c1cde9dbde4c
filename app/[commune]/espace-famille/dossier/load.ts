import "server-only";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { type FamilyFile, readFamilyFile } from "@/lib/family-file/read";
import { listSubscribedHouseholds } from "@/lib/subscriptions/households";

/** The signed-in account and the files of the households it is subscribed to in this commune (never another's). */
export async function loadOwnFamilyFiles(slug: string, returnTo: string) {
  const { commune, user } = await requireUser(slug, { returnTo });
  const db = await getDb();
  const households = await listSubscribedHouseholds(db, { communeId: commune.id, userId: user.id });
  const files = await Promise.all(
    households.map((h) =>
      readFamilyFile(db, { communeId: commune.id, householdId: h.id, viewer: { kind: "family", userId: user.id } }),
    ),
  );
  return { commune, user, files: files.filter((f): f is FamilyFile => f !== null) };
}

/** The file holding this responsable or child among the account's own, with the record; null otherwise (a 404). */
export function findInFiles<T extends { id: string }>(
  files: FamilyFile[],
  pick: (file: FamilyFile) => T[],
  id: string,
) {
  for (const file of files) {
    const record = pick(file).find((r) => r.id === id);
    if (record) return { file, record };
  }
  return null;
}
