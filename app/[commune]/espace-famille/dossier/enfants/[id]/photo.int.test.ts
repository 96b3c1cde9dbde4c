import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/[commune]/espace-famille/dossier/enfants/[id]/photo/route";
import { auditLog, childPhotos, subscriptions } from "@/db/schema";
import { NOT_IN_FILE } from "@/lib/family-file/actions-messages";
import { PHOTO_MESSAGES } from "@/lib/family-file/photo-image";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, signInAs, signOutOfHarness } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { removeChildPhoto, uploadChildPhoto } from "./actions";

const database = setUpTestDatabase();

/** Two subscribed households of one commune, the first one's account signed in. */
async function setUp() {
  const db = database.db;
  const commune = await insertCommune(db);
  const mine = await insertFamily(db, commune.id);
  const other = await insertFamily(db, commune.id);
  await db.insert(subscriptions).values([
    { communeId: commune.id, userId: mine.family.id, householdId: mine.householdId, method: "subscriber_code" },
    { communeId: commune.id, userId: other.family.id, householdId: other.householdId, method: "subscriber_code" },
  ]);
  signInAs(mine.family, commune.slug);
  return { db, commune, mine, other, slug: commune.slug };
}

const jpeg = async (width = 1600, height = 1200) =>
  sharp({ create: { width, height, channels: 3, background: { r: 10, g: 90, b: 200 } } })
    .jpeg()
    .toBuffer();

function photoForm(childId: string, file: File | null) {
  const data = formData({ childId });
  if (file) data.set("photo", file);
  return data;
}

const photosOf = (childId: string) => database.db.select().from(childPhotos).where(eq(childPhotos.childId, childId));

describe("child photo actions", () => {
  it("stores the photo resized into 512 × 512 as WebP, replaces it, then deletes it, each change audited", async () => {
    const { db, commune, mine, slug } = await setUp();
    const upload = new File([await jpeg()], "lea.jpg", { type: "image/jpeg" });
    expect(await uploadChildPhoto(slug, null, photoForm(mine.child.id, upload))).toEqual({
      ok: true,
      message: "La photo de Léa a été enregistrée.",
    });
    const [stored] = await photosOf(mine.child.id);
    expect(stored).toMatchObject({ communeId: commune.id, householdId: mine.householdId, mimeType: "image/webp" });
    expect(stored!.sizeBytes).toBe(stored!.data.length);
    const meta = await sharp(stored!.data).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 512, height: 384 });

    // A second upload replaces the first (one row per child).
    const square = new File(
      [
        await sharp({ create: { width: 900, height: 900, channels: 3, background: "white" } })
          .png()
          .toBuffer(),
      ],
      "b.png",
      { type: "image/png" },
    );
    expect(await uploadChildPhoto(slug, null, photoForm(mine.child.id, square))).toMatchObject({ ok: true });
    const rows = await photosOf(mine.child.id);
    expect(rows).toHaveLength(1);
    expect(await sharp(rows[0]!.data).metadata()).toMatchObject({ width: 512, height: 512 });

    expect(await removeChildPhoto(slug, null, formData({ childId: mine.child.id }))).toEqual({
      ok: true,
      message: "La photo de Léa a été supprimée.",
    });
    expect(await photosOf(mine.child.id)).toHaveLength(0);

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.communeId, commune.id), eq(auditLog.targetId, mine.child.id)));
    expect(audit.map((a) => [a.action, a.actorUserId, (a.details as { operation: string }).operation])).toEqual([
      ["child.photo_changed", mine.family.id, "replaced"],
      ["child.photo_changed", mine.family.id, "replaced"],
      ["child.photo_changed", mine.family.id, "deleted"],
    ]);
    expect(audit[0]!.details).toMatchObject({ householdId: mine.householdId, childId: mine.child.id });
  });

  it("refuses a file that is not an image (whatever its name and type say) at the field, storing nothing", async () => {
    const { mine, slug } = await setUp();
    const cases: [File | null, string][] = [
      [new File(["Ceci est un texte."], "photo.png", { type: "image/png" }), PHOTO_MESSAGES.notImage],
      [new File([], "vide.jpg", { type: "image/jpeg" }), PHOTO_MESSAGES.empty],
      [new File([new Uint8Array(5 * 1024 * 1024 + 1)], "enorme.jpg", { type: "image/jpeg" }), PHOTO_MESSAGES.tooLarge],
      [new File([], "", { type: "application/octet-stream" }), PHOTO_MESSAGES.missing],
      [null, PHOTO_MESSAGES.missing],
    ];
    for (const [file, message] of cases) {
      const result = await uploadChildPhoto(slug, null, photoForm(mine.child.id, file));
      expect(result, file?.name ?? "no file").toMatchObject({ ok: false, fieldErrors: { photo: [message] } });
    }
    expect(await photosOf(mine.child.id)).toHaveLength(0);
  });

  it("refuses another household's child by forged id, and the agents' accounts", async () => {
    const { db, mine, other, slug } = await setUp();
    const upload = () => new File([new Uint8Array(0)], "x.jpg");
    const real = async () => new File([await jpeg(40, 40)], "x.jpg", { type: "image/jpeg" });
    expect(await uploadChildPhoto(slug, null, photoForm(other.child.id, await real()))).toMatchObject({
      ok: false,
      message: NOT_IN_FILE,
    });
    expect(await uploadChildPhoto(slug, null, photoForm("not-an-id", upload()))).toMatchObject({ ok: false });
    expect(await photosOf(other.child.id)).toHaveLength(0);

    // The other family's photo cannot be deleted by forged id either.
    signInAs(other.family, slug);
    expect(await uploadChildPhoto(slug, null, photoForm(other.child.id, await real()))).toMatchObject({ ok: true });
    signInAs(mine.family, slug);
    expect(await removeChildPhoto(slug, null, formData({ childId: other.child.id }))).toMatchObject({
      ok: false,
      message: NOT_IN_FILE,
    });
    expect(await photosOf(other.child.id)).toHaveLength(1);

    // A child of another commune, even with a subscription-looking id, is not reachable from this commune.
    const elsewhere = await insertCommune(db);
    const foreign = await insertFamily(db, elsewhere.id);
    expect(await uploadChildPhoto(slug, null, photoForm(foreign.child.id, await real()))).toMatchObject({
      ok: false,
      message: NOT_IN_FILE,
    });

    // Agents see photos but do not change them.
    signInAs(mine.agent, slug);
    expect(await uploadChildPhoto(slug, null, photoForm(mine.child.id, await real()))).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });
  });
});

describe("child photo route", () => {
  const get = (slug: string, childId: string) =>
    GET(new Request(`http://localhost:3000/${slug}/espace-famille/dossier/enfants/${childId}/photo`), {
      params: Promise.resolve({ commune: slug, id: childId }),
    });

  it("serves the photo to the child's family and the commune's staff only, 404 to anyone else", async () => {
    const { db, mine, other, slug } = await setUp();
    expect(
      await uploadChildPhoto(slug, null, photoForm(mine.child.id, new File([await jpeg(300, 200)], "a.jpg"))),
    ).toMatchObject({ ok: true });

    const own = await get(slug, mine.child.id);
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Type")).toBe("image/webp");
    expect(own.headers.get("Cache-Control")).toBe("private, no-store");
    expect(own.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const body = new Uint8Array(await own.arrayBuffer());
    expect(await sharp(body).metadata()).toMatchObject({ format: "webp", width: 300, height: 200 });

    signInAs(other.family, slug);
    const foreign = await get(slug, mine.child.id);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get("Cache-Control")).toBe("private, no-store");

    signInAs(mine.agent, slug);
    expect((await get(slug, mine.child.id)).status).toBe(200);
    const admin = await insertUser(db, mine.household.communeId, "admin");
    signInAs(admin, slug);
    expect((await get(slug, mine.child.id)).status).toBe(200);

    // An agent of another commune: neither through its own commune's address nor through this one's.
    const elsewhere = await insertCommune(db);
    const outsider = await insertUser(db, elsewhere.id, "agent");
    signInAs(outsider, elsewhere.slug);
    expect((await get(elsewhere.slug, mine.child.id)).status).toBe(404);
    expect((await get(slug, mine.child.id)).status).toBe(404);

    signOutOfHarness();
    expect((await get(slug, mine.child.id)).status).toBe(404);

    // Same answer for a child without photo, an unknown id and garbage.
    signInAs(other.family, slug);
    expect((await get(slug, other.child.id)).status).toBe(404);
    expect((await get(slug, crypto.randomUUID())).status).toBe(404);
    expect((await get(slug, "../../etc")).status).toBe(404);
  });
});
