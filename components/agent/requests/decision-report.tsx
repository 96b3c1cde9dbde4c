import type { ActionState } from "@/lib/actions/state";

/**
 * The result of a decision: one line per request (a selection's first line sums it up), as an alert when
 * any request could not be decided, else as a polite status.
 */
export function DecisionReport({ state }: { state: ActionState }) {
  if (!state?.message) return null;
  const [first, ...rest] = state.message.split("\n");
  return (
    <div className={`notice ${state.ok ? "notice--success" : "notice--error"}`} role={state.ok ? "status" : "alert"}>
      <p>{first}</p>
      {rest.length > 0 ? (
        <ul>
          {rest.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
