export function defaultAppUrl(hostname: string | undefined, port: number): string;
