import Link from "next/link";
import { logout } from "@/app/[commune]/actions";

/**
 * The way out of the second-factor pages: a session still waiting for its factor logs out (nothing else is open
 * to it); a signed-in account enrolling of its own accord goes back where it came from.
 */
export function SecondFactorExit({
  communeSlug,
  pending,
  backTo,
}: {
  communeSlug: string;
  pending: boolean;
  backTo: string;
}) {
  if (!pending) {
    return (
      <p>
        <Link href={backTo}>Annuler</Link>
      </p>
    );
  }
  return (
    <form action={logout}>
      <input type="hidden" name="commune" value={communeSlug} />
      <button type="submit" className="button button--secondary">
        Annuler et se déconnecter
      </button>
    </form>
  );
}
