// Stands in for the `server-only` marker package under Vitest, which does not resolve React Server conditions.
export {};
