export interface TestCounts {
  runs: number;
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
}
export declare function countTests(log: string): { vitest: TestCounts; playwright: TestCounts };
export declare function sumCounts(counts: readonly TestCounts[]): TestCounts;
export declare function formatCounts(counts: TestCounts): string;
