import { Link } from "@/components/ui/link";

/**
 * The way out of the second-factor pages: a session still waiting for its factor logs out (nothing else is open
 * to it); a signed-in account enrolling of its own accord goes back where it came from.
 */
export function SecondFactorExit({
  logout,
  pending,
  backTo,
}: {
  /** The commune's logout, bound by the page. */
  logout: () => Promise<void>;
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
      <button type="submit" className="button button--secondary">
        Annuler et se déconnecter
      </button>
    </form>
  );
}
