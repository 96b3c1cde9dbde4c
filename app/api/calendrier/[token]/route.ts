import { buildCalendarFeed } from "@/lib/bookings/ical";
import { getDb } from "@/lib/db";
import { consumeRateLimit, giveBackAttempt, rateLimits } from "@/lib/rate-limit";
import { clientIpFrom } from "@/lib/request";

type Context = { params: Promise<{ token: string }> };

export const dynamic = "force-dynamic";

// The token in the URL is the secret: no shared cache keeps the feed, no page it links to learns the URL.
const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
} as const;

const text = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(body, {
    status,
    headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8", ...headers },
  });

/**
 * A household's planning as an iCalendar feed, for calendar apps (no session: they cannot log in). An unknown
 * or revoked token is a 404 like any missing page. Only misses count toward the per-address limit: guessing is
 * held back, while a calendar service polling many real feeds from one address never is.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { token } = await params;
  const db = await getDb();
  // Counted before the lookup (parallel guesses cannot all slip under the limit), given back on a real feed.
  const now = Date.now();
  const miss = [{ key: `calendar-feed:ip:${clientIpFrom(request.headers)}`, rule: rateLimits.calendarFeedMissesPerIp }];
  const limit = await consumeRateLimit(db, miss, now);
  if (!limit.allowed) return text("Trop de requêtes", 429, { "Retry-After": String(limit.retryAfterSeconds) });
  const feed = await buildCalendarFeed(db, { token });
  if (!feed) return text("Introuvable", 404);
  await giveBackAttempt(db, miss, now);
  return new Response(feed, {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="planning.ics"',
    },
  });
}
