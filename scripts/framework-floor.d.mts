export interface FrameworkFloor {
  url: string;
  pid: number;
  stop(): void;
}
export declare function startFrameworkFloor(port: number): FrameworkFloor;
