import "server-only";
import type { Db } from "@/db/client";
import { renderMail } from "./send-mail";

/*
 * A mail takes a millisecond or more to render: never while a transaction holds locks (a commune's reference
 * counter, an activity), or every request behind that lock waits for the render. The mail is rendered before
 * the transaction from what was read without locks; the transaction checks it against what it reads under its
 * locks and, in the rare case they differ, rolls back and runs again with the mail rendered anew.
 */

/** Thrown inside the transaction when the mail rendered before it no longer fits: carries the props that do. */
export class StaleMailError<P> extends Error {
  constructor(readonly props: P) {
    super("the mail rendered before the transaction is stale");
  }
}

const MAX_RENDERS = 4;

/**
 * Renders `body(props)`, then runs `transaction` with the rendered mail (null when there is none to send).
 * The transaction throws `new StaleMailError(freshProps)` to be run again with a mail rendered from them.
 */
export async function transactionWithRenderedMail<P, T>(
  db: Db,
  props: P,
  body: (props: P) => Parameters<typeof renderMail>[0] | null,
  transaction: (tx: Db, mail: { html: string; text: string } | null, props: P) => Promise<T>,
): Promise<T> {
  for (let render = 1; ; render++) {
    const element = body(props);
    const mail = element ? await renderMail(element) : null;
    try {
      return await db.transaction((tx) => transaction(tx, mail, props));
    } catch (error) {
      if (!(error instanceof StaleMailError) || render >= MAX_RENDERS) throw error;
      props = error.props as P;
    }
  }
}
