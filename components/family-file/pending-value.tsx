/** A field's change not processed yet by the town: the proposed value highlighted in yellow, the validated one still shown. */
export interface PendingNote {
  validated: string;
  proposed: string;
}

export function PendingValue({ note, id }: { note: PendingNote | undefined; id?: string }) {
  if (!note) return null;
  return (
    <p className="pending-value" id={id}>
      <span>Valeur validée : {note.validated}</span>
      <br />
      <strong>Modification en attente : {note.proposed}</strong>
    </p>
  );
}
