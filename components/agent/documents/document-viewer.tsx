import styles from "./documents.module.css";

/** "85 Ko", "2,4 Mo": a file's size as the download link says it. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} Ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}

/** "PDF, 2 pages", "Image JPEG". */
export function describeFormat(mediaType: string, pageCount: number | null): string {
  if (mediaType === "application/pdf") return pageCount ? `PDF, ${pageCount} page${pageCount > 1 ? "s" : ""}` : "PDF";
  return mediaType === "image/png" ? "Image PNG" : "Image JPEG";
}

/**
 * The document shown inline from the agents' file route (`inlineHref`): a PDF in a frame, an image as itself, and
 * the download link beside it (a browser that shows no PDF inline still has it).
 */
export function DocumentViewer({
  name,
  mediaType,
  pageCount,
  sizeBytes,
  inlineHref,
  downloadHref,
}: {
  /** What the document is, for the frame's title and the image's text ("RIB de la famille MARTIN"). */
  name: string;
  mediaType: string;
  pageCount: number | null;
  sizeBytes: number;
  inlineHref: string;
  downloadHref: string;
}) {
  return (
    <figure className={styles.viewer}>
      {mediaType === "application/pdf" ? (
        <iframe className={styles.frame} src={inlineHref} title={`Aperçu : ${name}`} />
      ) : (
        <img className={styles.image} src={inlineHref} alt={name} />
      )}
      <figcaption>
        <a href={downloadHref} download>
          Télécharger le document ({describeFormat(mediaType, pageCount)}, {formatFileSize(sizeBytes)})
        </a>
      </figcaption>
    </figure>
  );
}
