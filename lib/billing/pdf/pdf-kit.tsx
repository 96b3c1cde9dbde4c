import { Font, StyleSheet, type Styles, Text, View } from "@react-pdf/renderer";

type Style = Styles[string];

// Words are never cut: the default hyphenation is English ("fac-turées"), and a cut code or number misleads.
Font.registerHyphenationCallback((word) => [word]);

import type { ReactNode } from "react";
import type { Commune } from "@/db/schema";

/*
 * What the portal's PDFs share: the town's header, the styles, and text made printable by the standard PDF fonts
 * (Helvetica's WinAnsi set has "€" and the accents, not the narrow no-break space French number formatting uses).
 */

/** The narrow no-break space (U+202F) becomes a no-break space the standard fonts have. */
export function printable(text: string): string {
  return text.replace(/\u202f/g, "\u00a0");
}

export const styles = StyleSheet.create({
  page: { padding: 40, paddingBottom: 80, fontSize: 10, fontFamily: "Helvetica", color: "#1e1e1e" },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 24 },
  town: { fontSize: 16, fontFamily: "Helvetica-Bold", color: "#1d4f91" },
  muted: { color: "#4f4f4f" },
  addressee: { width: 220, marginTop: 32, padding: 8, borderWidth: 1, borderColor: "#c8cdd6" },
  bold: { fontFamily: "Helvetica-Bold" },
  title: { fontSize: 14, fontFamily: "Helvetica-Bold", marginBottom: 8 },
  facts: { flexDirection: "row", flexWrap: "wrap", marginBottom: 16 },
  fact: { width: "50%", marginBottom: 2 },
  child: { fontSize: 11, fontFamily: "Helvetica-Bold", marginTop: 12, marginBottom: 4, color: "#1d4f91" },
  activity: { fontFamily: "Helvetica-Bold", marginTop: 6, marginBottom: 2 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#c8cdd6", paddingVertical: 3 },
  headRow: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#1e1e1e", paddingVertical: 3 },
  totals: { marginTop: 16, marginLeft: "auto", width: 240 },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2 },
  box: { marginTop: 16, padding: 8, backgroundColor: "#f4f6fa" },
  footer: {
    position: "absolute",
    bottom: 24,
    left: 40,
    right: 40,
    borderTopWidth: 1,
    borderTopColor: "#c8cdd6",
    paddingTop: 6,
    fontSize: 8,
    color: "#4f4f4f",
  },
});

/** The text of a PDF, made printable. */
export function T({ children, style }: { children: ReactNode; style?: Style | Style[] }) {
  const content = typeof children === "string" ? printable(children) : children;
  return <Text style={style}>{content}</Text>;
}

/** The town's identity and contact, top left of every document. */
export function TownHeader({
  commune,
  issuer,
  right,
}: {
  commune: Pick<Commune, "name" | "serviceSignature" | "contactEmail" | "contactPhone" | "contactAddress">;
  issuer?: string;
  right?: ReactNode;
}) {
  return (
    <View style={styles.header}>
      <View>
        <T style={styles.town}>{commune.name}</T>
        <T>{commune.serviceSignature}</T>
        {issuer ? <T>{issuer}</T> : null}
        {commune.contactAddress ? <T style={styles.muted}>{commune.contactAddress}</T> : null}
        {commune.contactPhone ? <T style={styles.muted}>{`Tél. ${commune.contactPhone}`}</T> : null}
        <T style={styles.muted}>{commune.contactEmail}</T>
      </View>
      {right}
    </View>
  );
}

/** The addressee's block (name and address) under the header, on the right as a window envelope wants it. */
export function Addressee({ name, address, extra }: { name: string | null; address: string | null; extra?: string }) {
  return (
    <View style={styles.addressee}>
      <T style={styles.bold}>{name ?? ""}</T>
      {address ? <T>{address}</T> : null}
      {extra ? <T style={styles.muted}>{extra}</T> : null}
    </View>
  );
}
