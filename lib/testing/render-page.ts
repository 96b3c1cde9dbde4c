import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll } from "vitest";

/*
 * Server-rendered pages in integration tests: a page component is called as Next.js calls it, and what it renders, or
 * the navigation signal it throws, is what the test reads.
 */

/** What next.config's experimental.authInterrupts sets in the app, so that forbidden() throws its 403 signal. */
export function enableAuthInterrupts(): void {
  beforeAll(() => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  });
}

/** "rendered", or the digest of the navigation signal the page threw (notFound() → "…;404", forbidden() → "…;403"). */
export async function pageOutcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return (error as { digest?: string }).digest ?? String(error);
  }
  return "rendered";
}

/** The page's HTML as the server would send it (client components rendered as on the first load). */
export const html = async (page: Promise<ReactElement>) => renderToStaticMarkup(await page);

/** The page's text, tags dropped and spaces of every kind as one. */
export const text = async (page: Promise<ReactElement>) =>
  (await html(page))
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/\s+/g, " ");
