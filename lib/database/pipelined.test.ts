import { describe, expect, it } from "vitest";
import { pipelined } from "./pipelined";
import { isRetryableAbort } from "./retry";

const later = <T>(ms: number, settle: () => T) =>
  new Promise<Awaited<T>>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(settle() as Awaited<T>);
      } catch (error) {
        reject(error);
      }
    }, ms),
  );
const pgError = (code: string) => Object.assign(new Error(code), { code });

describe("pipelined", () => {
  it("gives every statement's result, in the order sent", async () => {
    expect(await pipelined([later(5, () => "lock"), later(1, () => 2), null] as const)).toEqual(["lock", 2, null]);
  });

  it("rejects with the first failed statement in the order sent, even when a later one failed sooner", async () => {
    const attempt = pipelined([
      later(10, () => {
        throw pgError("40P01");
      }),
      later(1, () => {
        throw pgError("25P02");
      }),
    ]);
    const error = await attempt.catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe("40P01");
    expect(isRetryableAbort(error)).toBe(true);
  });

  it("waits for every statement before rejecting", async () => {
    let last = false;
    await expect(
      pipelined([
        Promise.reject(pgError("23505")),
        later(5, () => {
          last = true;
        }),
      ]),
    ).rejects.toMatchObject({ code: "23505" });
    expect(last).toBe(true);
  });
});
