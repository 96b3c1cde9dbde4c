import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "@/lib/format";
import type { IsoDay } from "@/lib/planning/days";
import { MailAction, type MailCommune, MailLayout, previewCommune } from "./mail-layout";

export type BookingMailKind = "booking" | "absence";

/** One day of a booking or absence request, as the guides' mail tables list it. */
export interface BookingMailLine {
  day: IsoDay;
  /** "07:35": the activity's start. */
  startTime: string;
  kind: BookingMailKind;
  childName: string;
  /** "1/Péri MATIN" */
  activityLabel: string;
}

const typeLabels: Record<BookingMailKind, string> = { booking: "Réservation", absence: "Absence" };
const requestWords: Record<BookingMailKind, string> = { booking: "de réservation", absence: "d'absence" };

export const BOOKING_TABLE_HEADERS = ["Jour", "Heure", "Type de la demande", "Enfant", "Activité"] as const;

/** The cells under BOOKING_TABLE_HEADERS. */
export function bookingLineCells(line: BookingMailLine): string[] {
  return [formatDate(line.day), line.startTime, typeLabels[line.kind], line.childName, line.activityLabel];
}

const cellStyle = {
  border: "1px solid #c9d2e0",
  padding: "6px 8px",
  textAlign: "left",
  verticalAlign: "top",
  // Only a word longer than its cell breaks ("anywhere" would let the table squeeze "Heure" into "Heur e").
  overflowWrap: "break-word",
} as const;

/** "borderCollapse" → "border-collapse:…": a style object as React writes it into the style attribute. */
const inlineStyle = (style: Record<string, string>) =>
  Object.entries(style)
    .map(([name, value]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value}`)
    .join(";");

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
/** Escaped as React escapes text and attributes. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

const CELL_STYLE = inlineStyle(cellStyle);

/** A row of plain-text cells, written as React would write it, without one React element per cell. */
const textRowHtml = (headers: readonly string[], cells: readonly string[]) =>
  cells
    .map(
      (cell, column) =>
        `<td data-label="${escapeHtml(headers[column] ?? "")}" style="${CELL_STYLE}">${escapeHtml(cell)}</td>`,
    )
    .join("");

const allText = (cells: readonly ReactNode[]): cells is string[] => cells.every((cell) => typeof cell === "string");

/**
 * A data table with header cells (not a layout table), also readable in the plain-text part. Rows of plain text
 * (a school year's acknowledgement has hundreds) skip React's per-element work: the same markup, many times faster.
 */
export function MailTable({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: readonly string[];
  rows: ReactNode[][];
}) {
  return (
    <table
      data-text-format="dataTable"
      className="mail-table"
      style={{ borderCollapse: "collapse", width: "100%", fontSize: "14px", margin: "8px 0 16px" }}
    >
      <caption style={{ textAlign: "left", fontWeight: 700, padding: "0 0 6px" }}>{caption}</caption>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col" style={{ ...cellStyle, backgroundColor: "#f4f6fa" }}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, row) =>
          allText(cells) ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a mail is rendered once; its rows never move.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: every cell is escaped by textRowHtml.
            <tr key={row} dangerouslySetInnerHTML={{ __html: textRowHtml(headers, cells) }} />
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: a mail is rendered once; its rows never move.
            <tr key={row}>
              {cells.map((cell, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a mail is rendered once; its cells never move.
                <td key={column} data-label={headers[column]} style={cellStyle}>
                  {cell}
                </td>
              ))}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

/** "Votre demande de réservation pour 2/Repas Sco réalisée le 04/04/2019 à 09:09 est en cours d'instruction :" (or "Vos 4 demandes …"). */
export function acknowledgementSentence(
  kind: BookingMailKind,
  count: number,
  activityLabel: string,
  requestedAt: Date,
): string {
  const when = formatDateTime(requestedAt);
  return count === 1
    ? `Votre demande ${requestWords[kind]} pour ${activityLabel} réalisée le ${when} est en cours d'instruction :`
    : `Vos ${count} demandes ${requestWords[kind]} pour ${activityLabel} réalisées le ${when} sont en cours d'instruction :`;
}

export const bookingAcknowledgementSubject = (communeName: string) =>
  `Accusé d'enregistrement électronique – Portail Famille ${communeName}`;

export type BookingAcknowledgementProps = {
  commune: MailCommune;
  /** "M. Matthieu BLMAN" */
  greetingName: string;
  kind: BookingMailKind;
  activityLabel: string;
  requestedAt: Date;
  lines: BookingMailLine[];
  myRequestsUrl: string;
};

const previewLines: BookingMailLine[] = ["2026-05-04", "2026-05-05", "2026-05-07", "2026-05-08"].map((day) => ({
  day,
  startTime: "07:35",
  kind: "booking",
  childName: "Léa MARTIN",
  activityLabel: "1/Péri MATIN",
}));

/** The accusé d'enregistrement électronique, sent as soon as a family makes a booking or absence request. */
export default function BookingAcknowledgement({
  commune,
  greetingName,
  kind,
  activityLabel,
  requestedAt,
  lines,
  myRequestsUrl,
}: BookingAcknowledgementProps) {
  const sentence = acknowledgementSentence(kind, lines.length, activityLabel, requestedAt);
  return (
    <MailLayout commune={commune} preview={sentence}>
      <Text>Bonjour {greetingName},</Text>
      <Text>{sentence}</Text>
      <MailTable
        caption={lines.length === 1 ? "Votre demande" : "Vos demandes"}
        headers={BOOKING_TABLE_HEADERS}
        rows={lines.map(bookingLineCells)}
      />
      <Text>Nous vous tiendrons informé de {lines.length === 1 ? "son" : "leur"} traitement.</Text>
      <Text>Vous pouvez également visualiser vos demandes depuis votre espace citoyen dans le menu Mes demandes.</Text>
      <MailAction commune={commune} href={myRequestsUrl} label="Mon espace citoyen" />
    </MailLayout>
  );
}

BookingAcknowledgement.PreviewProps = {
  commune: previewCommune,
  greetingName: "Mme Claire MARTIN",
  kind: "booking",
  activityLabel: "1/Péri MATIN",
  requestedAt: new Date("2026-04-02T07:14:00Z"),
  lines: previewLines,
  myRequestsUrl: "http://localhost:3000/demo/mon-espace-citoyen/mes-demandes",
} satisfies BookingAcknowledgementProps;
