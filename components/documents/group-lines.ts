import type { DocumentLine } from "@/lib/documents/household-documents";

/** The lines as the list shows them: the household's, each child's (in the order they come), those of requests. */
export function groupDocumentLines(lines: readonly DocumentLine[]) {
  const household = lines.filter((l) => l.type.audience === "household" && !l.child);
  const withRequests = lines.filter((l) => l.type.audience === "request");
  const children: { child: NonNullable<DocumentLine["child"]>; lines: DocumentLine[] }[] = [];
  for (const line of lines) {
    if (line.type.audience !== "child" || !line.child) continue;
    const child = line.child;
    let group = children.find((g) => g.child.id === child.id);
    if (!group) {
      group = { child, lines: [] };
      children.push(group);
    }
    group.lines.push(line);
  }
  return { household, children, withRequests };
}
