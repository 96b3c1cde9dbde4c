import { describe, expect, it, vi } from "vitest";
import { MEMO_MAX_DAYS, memoByDay } from "./memo-by-day";

describe("memoByDay", () => {
  it("computes a day's words once and gives them back", () => {
    const words = vi.fn((day: string) => `jour ${day}`);
    const memo = memoByDay(words);
    expect(memo("2027-01-11")).toBe("jour 2027-01-11");
    expect(memo("2027-01-11")).toBe("jour 2027-01-11");
    expect(memo("2027-01-12")).toBe("jour 2027-01-12");
    expect(words).toHaveBeenCalledTimes(2);
  });

  it("starts afresh past its bound instead of growing", () => {
    const words = vi.fn((day: string) => day);
    const memo = memoByDay(words);
    for (let index = 0; index <= MEMO_MAX_DAYS; index++) memo(`day-${index}`);
    memo("day-0");
    expect(words).toHaveBeenCalledTimes(MEMO_MAX_DAYS + 2);
  });
});
