export declare const E2E_MODE: unique symbol;
export type E2eMode = {
  /** How far the portal's clock runs ahead of the machine's (negative: behind). */
  clockOffsetMs: number;
  /** Copies of the demo's families seeded on an empty database. */
  familyCopies: number;
};
export declare function readE2eMode(
  env: Record<string, string | undefined>,
  hostname: string | undefined,
  realNow?: number,
): E2eMode | null;
