import { getDb } from "@/lib/db";
import { buildCalendarFeed } from "@/lib/bookings/ical";

type Context = { params: Promise<{ token: string }> };

export const dynamic = "force-dynamic";

// The token in the URL is the secret: no shared cache keeps the feed, no page it links to learns the URL.
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" } as const;

/**
 * A household's planning as an iCalendar feed, for calendar apps (no session: they cannot log in). An unknown
 * or revoked token is a 404 like any missing page. Not rate limited: a 256-bit token cannot be guessed.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { token } = await params;
  const feed = await buildCalendarFeed(await getDb(), { token });
  if (!feed) return new Response("Introuvable", { status: 404, headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(feed, {
    status: 200,
    headers: { ...PRIVATE_HEADERS, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="planning.ics"' },
  });
}
