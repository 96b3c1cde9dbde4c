/**
 * Awaits statements sent together on one transaction's connection: their results in order, or the error of the
 * first one in that order that failed. That one is the cause (a deadlock victim, say, which retryOnAbort must
 * recognise); the statements after it only report the aborted transaction (25P02), and may settle first.
 */
export async function pipelined<const T extends readonly unknown[]>(
  statements: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(statements);
  const failed = settled.find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}
