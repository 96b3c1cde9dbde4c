import { sql } from "drizzle-orm";
import type { DatabaseHandle, Db } from "./client";
import { communes } from "./schema";

/** No commune yet: a database the demo may be seeded into (one that holds a town is never touched). */
export async function holdsNoCommune(db: Db): Promise<boolean> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(communes);
  return row?.count === 0;
}

/**
 * What the portal does to its database before the first request, and `npm run db:setup` ahead of it: applies the
 * migrations, then seeds the demo into an empty database when `seedDemo` is set. The seed module (the demo's
 * data, images, PDFs) is loaded only then: a portal starting on a filled database does not pay for loading it.
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  options: { seedDemo: boolean; familyCopies?: number },
): Promise<void> {
  await handle.migrate(
    options.seedDemo
      ? async () => {
          if (!(await holdsNoCommune(handle.db))) return;
          const { seedDemo } = await import("./seed");
          await seedDemo(handle.db, { familyCopies: options.familyCopies ?? 0 });
        }
      : undefined,
  );
}
