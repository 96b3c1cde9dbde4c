"use client";

import { type DragEvent, useEffect, useId, useRef, useState } from "react";
import { FieldError } from "@/components/ui/form-kit";
import styles from "./documents.module.css";

/**
 * Kept in step with DOCUMENT_MAX_BYTES (db/schema/documents.ts, not for the browser's bundle): checked here only to
 * spare posting more than the server takes; the server checks again.
 */
const MAX_BYTES = 10 * 1024 * 1024;
const TOO_LARGE = "Le document dépasse 10 Mo : retirez une page ou choisissez des fichiers plus légers.";

/** What the content check takes (lib/documents/content-check.ts): the browser's file dialog offers these first. */
const ACCEPTED = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";

function sizeLabel(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} Ko`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} Mo`;
}

/** Puts `files` into a file input, when the browser lets a script do it (every current one does). */
function putFiles(input: HTMLInputElement | null, files: readonly File[]): boolean {
  if (!input || typeof DataTransfer === "undefined") return false;
  try {
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    input.files = transfer.files;
    return true;
  } catch {
    return false;
  }
}

/**
 * A document's file field: one or several files (front and back, several pages) that the server makes into one
 * document. The plain file input always works, without JavaScript too; with it, files dropped on the zone and a
 * photo taken with the phone's camera ("Prendre une photo") join the input's list, each listed with a button to
 * remove it. Both inputs post under `name`; the server drops the empty part of the one left unused.
 */
export function DocumentUploadField({
  label,
  name,
  error,
  required,
  hint = "Vous pouvez joindre plusieurs fichiers (recto et verso, plusieurs pages) : ils forment un seul document.",
}: {
  /** "Fichier (PDF, JPEG ou PNG, 10 Mo maximum)", "RIB (PDF, JPEG ou PNG, 10 Mo maximum)"… */
  label: string;
  /** The form field the server action reads. */
  name: string;
  error?: string;
  required?: boolean;
  hint?: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);

  const tooLarge = files.reduce((total, file) => total + file.size, 0) > MAX_BYTES;
  const shownError = tooLarge ? TOO_LARGE : error;
  const describedBy = [`${id}-hint`, shownError ? `${id}-error` : null].filter(Boolean).join(" ");
  const blocked = useRef(false);
  blocked.current = tooLarge;

  // A form reset (React resets a form after its action) empties the inputs: the list follows. Too large a document
  // is not posted: the form's submit stops here, before React's handler (on the document's root) sees it.
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const clear = () => setFiles([]);
    const hold = (event: SubmitEvent) => {
      if (!blocked.current) return;
      event.preventDefault();
      event.stopPropagation();
      input.current?.focus();
    };
    form.addEventListener("reset", clear);
    form.addEventListener("submit", hold);
    return () => {
      form.removeEventListener("reset", clear);
      form.removeEventListener("submit", hold);
    };
  }, []);

  /** The list becomes `next`, in the input too; where a script cannot set it, the input keeps the browser's own. */
  function update(next: File[]) {
    if (putFiles(input.current, next)) setFiles(next);
    else setFiles(Array.from(input.current?.files ?? []));
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = Array.from(event.dataTransfer.files);
    if (dropped.length > 0) update([...files, ...dropped]);
  }

  return (
    <div className={`field${shownError ? " field--error" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping files is a pointer shortcut; the file input inside the zone is what the keyboard (and every other input) reaches. */}
      <div
        className={`${styles.dropZone}${dragging ? ` ${styles.dragging}` : ""}`}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <span>Glissez-déposez vos fichiers dans ce cadre, ou choisissez-les :</span>
        <input
          ref={input}
          id={id}
          name={name}
          type="file"
          multiple
          accept={ACCEPTED}
          required={required}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy}
          // A new choice adds to the pages already chosen, as a drop or a photo does.
          onChange={(event) => update([...files, ...Array.from(event.currentTarget.files ?? [])])}
        />
      </div>
      <div className={styles.camera}>
        <label htmlFor={`${id}-camera`}>Prendre une photo</label>
        <input
          id={`${id}-camera`}
          name={name}
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(event) => {
            const taken = Array.from(event.currentTarget.files ?? []);
            // Moved into the list above (and out of this input, so it is not posted twice).
            if (taken.length > 0 && putFiles(input.current, [...files, ...taken])) {
              setFiles([...files, ...taken]);
              event.currentTarget.value = "";
            }
          }}
        />
      </div>
      {files.length > 0 ? (
        <ul className={styles.pages} aria-label="Fichiers choisis">
          {files.map((file, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two pages may have the same name and size.
            <li key={`${index}-${file.name}-${file.size}`}>
              <span className={styles.pageName}>
                Page {index + 1} : {file.name || "photo"} ({sizeLabel(file.size)})
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={`Retirer la page ${index + 1} (${file.name || "photo"})`}
                onClick={() => update(files.filter((_, i) => i !== index))}
              >
                Retirer
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {files.length === 0 ? "" : files.length === 1 ? "1 fichier choisi." : `${files.length} fichiers choisis.`}
      </p>
      <FieldError id={`${id}-error`} message={shownError} />
    </div>
  );
}
