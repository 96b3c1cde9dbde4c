import { NextResponse } from "next/server";
import { createCaptchaChallenge } from "@/lib/captcha/challenge";

export const dynamic = "force-dynamic";

/** A new proof-of-work challenge for the "Je ne suis pas un robot" widget; never cached, each is single-use. */
export async function GET() {
  return NextResponse.json(await createCaptchaChallenge(), { headers: { "Cache-Control": "no-store" } });
}
