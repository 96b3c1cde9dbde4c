import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailOutbox } from "@/db/schema";

/** The outbox as a mailbox, newest first (only for the local mailbox page: every commune, every recipient). */
export async function listLocalMails(db: Db, limit = 100) {
  return db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}

export async function findLocalMail(db: Db, id: string) {
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return mail ?? null;
}

/** The links of a mail's text part, so the reader can follow them without rendering the HTML. */
export function linksOf(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s\])>]+/g) ?? [])];
}
