import { describe, expect, it } from "vitest";
import { isRetryableAbort, retryOnAbort } from "./retry";

const abort = (code: string) => Object.assign(new Error("aborted"), { code });

describe("retryOnAbort", () => {
  it("recognises a deadlock or serialization failure, also wrapped by drizzle", () => {
    expect(isRetryableAbort(abort("40P01"))).toBe(true);
    expect(isRetryableAbort(new Error("Failed query", { cause: abort("40001") }))).toBe(true);
    expect(isRetryableAbort(abort("23505"))).toBe(false);
    expect(isRetryableAbort("40P01")).toBe(false);
  });

  it("runs the transaction again after an abort, and gives up after a few tries", async () => {
    let calls = 0;
    expect(await retryOnAbort(async () => (++calls < 3 ? Promise.reject(abort("40P01")) : "done"))).toBe("done");
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retryOnAbort(async () => {
        calls++;
        throw abort("40001");
      }, 2),
    ).rejects.toThrow("aborted");
    expect(calls).toBe(2);
    await expect(retryOnAbort(async () => Promise.reject(abort("23505")))).rejects.toThrow("aborted");
  });
});
