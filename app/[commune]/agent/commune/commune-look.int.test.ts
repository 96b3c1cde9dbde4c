import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, type Commune, communeLogos, communes, type User } from "@/db/schema";
import { LOGO_MESSAGES } from "@/lib/communes/logo";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { saveCommuneLookAction, uploadCommuneLogoAction } from "./actions";

const database = setUpTestDatabase();

let town: Commune;
let other: Commune;
let admin: User;
let agent: User;
let otherAdmin: User;

beforeAll(async () => {
  const db = database.db;
  town = await insertCommune(db);
  other = await insertCommune(db);
  admin = await insertUser(db, town.id, "admin");
  agent = await insertUser(db, town.id, "agent");
  otherAdmin = await insertUser(db, other.id, "admin");
});

const lookForm = (fields: Record<string, string> = {}) =>
  formData({
    brandColor: "#0B5A3C",
    mailSenderName: "Mairie de la Ville",
    contactHours: "Du lundi au vendredi, de 8 h 30 à 12 h",
    ...fields,
  });

const look = async (commune: Commune) => {
  const [row] = await database.db
    .select({
      brandColor: communes.brandColor,
      mailSenderName: communes.mailSenderName,
      contactHours: communes.contactHours,
      logoUpdatedAt: communes.logoUpdatedAt,
    })
    .from(communes)
    .where(eq(communes.id, commune.id));
  return row!;
};

const logoFile = async (format: "png" | "jpeg" | "webp") =>
  new File(
    [
      await sharp({ create: { width: 300, height: 100, channels: 3, background: "#0b5a3c" } })
        .toFormat(format)
        .toBuffer(),
    ],
    `logo.${format}`,
  );
const logoForm = (file: File) => {
  const data = new FormData();
  data.set("logo", file);
  return data;
};

describe("Identité de la commune", () => {
  it("an admin sets the colour (normalised), the sender name and the hours; the change is audited", async () => {
    signInAs(admin, town.slug);
    expect(await saveCommuneLookAction(town.slug, null, lookForm())).toEqual({
      ok: true,
      message: "L'identité de la commune a été enregistrée.",
    });
    expect(await look(town)).toMatchObject({
      brandColor: "#0b5a3c",
      mailSenderName: "Mairie de la Ville",
      contactHours: "Du lundi au vendredi, de 8 h 30 à 12 h",
    });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.targetId, town.id));
    expect(audit).toMatchObject([{ action: "commune.look_changed", actorUserId: admin.id }]);
  });

  it("refuses a colour too light for white text, at the field, changing nothing", async () => {
    signInAs(admin, town.slug);
    const before = await look(town);
    const result = await saveCommuneLookAction(town.slug, null, lookForm({ brandColor: "#ffcc00", contactHours: "" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { brandColor: [expect.stringMatching(/trop claire/)] } });
    expect(await look(town)).toEqual(before);
  });

  it("refuses what is no colour, at the field", async () => {
    signInAs(admin, town.slug);
    const result = await saveCommuneLookAction(town.slug, null, lookForm({ brandColor: "red;background:url(x)" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { brandColor: [expect.stringMatching(/hexadécimal/)] } });
  });

  it("refuses an agent and another commune's admin, changing nothing", async () => {
    const before = await look(town);
    signInAs(agent, town.slug);
    expect(await saveCommuneLookAction(town.slug, null, lookForm({ brandColor: "#000000" }))).toEqual({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
      fieldErrors: {},
    });
    expect(await uploadCommuneLogoAction(town.slug, null, logoForm(await logoFile("png")))).toMatchObject({
      ok: false,
    });
    signInAs(otherAdmin, other.slug);
    expect(await saveCommuneLookAction(town.slug, null, lookForm({ brandColor: "#000000" }))).toMatchObject({
      ok: false,
    });
    expect(await look(town)).toEqual(before);
  });

  it("an admin uploads a JPEG logo, stored as a PNG, which versions the logo's URL; a WebP is refused", async () => {
    signInAs(admin, town.slug);
    expect(await uploadCommuneLogoAction(town.slug, null, logoForm(await logoFile("webp")))).toMatchObject({
      ok: false,
      fieldErrors: { logo: [LOGO_MESSAGES.notImage] },
    });
    expect((await look(town)).logoUpdatedAt).toBeNull();
    expect(await uploadCommuneLogoAction(town.slug, null, logoForm(await logoFile("jpeg")))).toEqual({
      ok: true,
      message: "Le logo de la commune a été enregistré.",
    });
    const [logo] = await database.db.select().from(communeLogos).where(eq(communeLogos.communeId, town.id));
    expect(logo).toMatchObject({ mimeType: "image/png" });
    expect((await sharp(logo!.data).metadata()).format).toBe("png");
    expect((await look(town)).logoUpdatedAt).toEqual(logo!.updatedAt);
  });

  it("asks for a file when none is chosen", async () => {
    signInAs(admin, town.slug);
    expect(await uploadCommuneLogoAction(town.slug, null, new FormData())).toMatchObject({
      fieldErrors: { logo: [LOGO_MESSAGES.missing] },
    });
  });
});
