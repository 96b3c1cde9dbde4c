export declare const CLIENT_ADDRESS_HEADER: "x-portail-client-address";
export declare const UNKNOWN_ADDRESS: "unknown";
export declare function parseTrustedProxyHops(value: string | undefined): number;
export declare function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  hops: number,
): string;
export declare function stampClientAddress(
  request: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } },
  options: { hops: number; stamp: string },
): void;
