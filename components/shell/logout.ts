"use server";

import { signOut } from "@/auth";

/** Ends the session and goes back to the commune's home page. */
export async function logout(formData: FormData) {
  const commune = formData.get("commune");
  const slug = typeof commune === "string" && /^[a-z0-9-]+$/.test(commune) ? commune : "";
  await signOut({ redirectTo: `/${slug}` });
}
