"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/action";
import { fieldFailure, success } from "@/lib/actions/state";
import { LOGO_MAX_UPLOAD_BYTES, LOGO_MESSAGES, prepareLogo } from "@/lib/communes/logo";
import { saveCommuneLogo, saveCommuneLook } from "@/lib/communes/look";
import { communeLookSchema } from "@/lib/communes/look-schema";
import { routePatterns } from "@/lib/routes/paths";

/*
 * "Identité de la commune": what every page's header and every mail show of the town. Admins only (they sign in
 * with a second factor); each change is audited.
 */

const adminOnly = ["admin"] as const;

/** The header of every page of the commune shows the colour and the logo. */
const refreshCommune = () => revalidatePath(routePatterns.home, "layout");

/** "Enregistrer": the colour, the mails' sender name, the opening hours. */
export const saveCommuneLookAction = userAction(
  { schema: communeLookSchema, roles: adminOnly },
  async (look, { db, commune, user }) => {
    await saveCommuneLook(db, { communeId: commune.id, actorUserId: user.id, look });
    refreshCommune();
    return success("L'identité de la commune a été enregistrée.");
  },
);

// The file is checked by the handler (content, size), to answer at the field with the right message.
const logoSchema = z.object({ logo: z.unknown().optional() });

/** "Enregistrer le logo": a PNG or JPEG, checked by its content and re-encoded. */
export const uploadCommuneLogoAction = userAction(
  { schema: logoSchema, roles: adminOnly },
  async (input, { db, commune, user }) => {
    const file = input.logo;
    // A form without a chosen file still posts an empty, nameless part.
    if (!(file instanceof Blob) || (file.size === 0 && (!("name" in file) || !file.name)))
      return fieldFailure("logo", LOGO_MESSAGES.missing);
    if (file.size > LOGO_MAX_UPLOAD_BYTES) return fieldFailure("logo", LOGO_MESSAGES.tooLarge);
    const checked = await prepareLogo(new Uint8Array(await file.arrayBuffer()));
    if (!checked.ok) return fieldFailure("logo", checked.message);
    await saveCommuneLogo(db, { communeId: commune.id, actorUserId: user.id, logo: checked });
    refreshCommune();
    return success("Le logo de la commune a été enregistré.");
  },
);
