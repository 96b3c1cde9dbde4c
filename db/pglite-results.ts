import { protocol, type QueryOptions, type Results } from "@electric-sql/pglite";

/*
 * One statement's answer, read straight from the bytes PGlite's PostgreSQL writes (`execProtocolRawStream`).
 * PGlite's `execProtocol` copies each chunk of output twice and every column value of every row into an
 * ArrayBuffer of its own before decoding it, then builds a message object per row and the rows from those: on the
 * planning's 70 slots, a millisecond of the request, most of it allocation. Here each value is decoded once from the
 * chunk in place, and the rows are built as it goes, with the same parsers and in the same shape as PGlite's
 * `parseResults`. An error is read by PGlite's own parser, so that it is the same `DatabaseError`, code and
 * constraint included; a notice is dropped (PGlite's query only logs it in debug mode, or hands it to an onNotice
 * the app never passes).
 */

// As PGlite calls them: with the value and its type (an array's parser reads it).
type Parsers = { [type: number]: (value: string, typeId: number) => unknown };
type Field = { name: string; dataTypeID: number };

const HEADER = 5; // a message's type byte and its int32 length
// The backend's message types read here (the others: ParseComplete, BindComplete, NoData, ReadyForQuery...).
const ROW_DESCRIPTION = 0x54; // T
const DATA_ROW = 0x44; // D
const COMMAND_COMPLETE = 0x43; // C
const ERROR_RESPONSE = 0x45; // E
// Counted in affectedRows, as PGlite's parseResults does.
const COUNTED_COMMANDS = new Set(["INSERT", "UPDATE", "DELETE", "COPY", "MERGE"]);

export class StatementResults<T> {
  private fields: Field[] = [];
  private rows: unknown[] = [];
  private results: Results<T> | undefined;
  private affectedRows = 0;
  /** The end of the last chunk when a message runs on into the next one. */
  private pending: Buffer | undefined;
  private malformed = false;
  private error: Error | undefined;

  constructor(
    private readonly parsers: Parsers,
    private readonly rowMode: QueryOptions["rowMode"],
  ) {}

  /** For `onRawData`: a chunk is a view on PGlite's memory, valid during the call only, so it is read at once. */
  readonly read = (chunk: Uint8Array) => {
    if (this.malformed) return;
    const view = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const bytes = this.pending ? Buffer.concat([this.pending, view]) : view;
    let at = 0;
    while (at + HEADER <= bytes.length) {
      const length = bytes.readInt32BE(at + 1);
      // A length counts itself: anything shorter means the bytes are not PostgreSQL's answer (and would loop).
      if (length < 4) {
        this.malformed = true;
        this.error ??= new Error(`PGlite: unreadable answer (a message of ${length} bytes)`);
        return;
      }
      const end = at + 1 + length;
      if (end > bytes.length) break;
      this.message(bytes, at, end);
      at = end;
    }
    // Copied: the chunk's memory is PGlite's again after this call.
    this.pending = at < bytes.length ? Buffer.from(bytes.subarray(at)) : undefined;
  };

  /** The statement's results (PGlite's shape), or its error. */
  finish(): Results<T> {
    if (this.error) throw this.error;
    return this.results ?? { affectedRows: 0, rows: [], fields: [] };
  }

  private message(bytes: Buffer, start: number, end: number) {
    const body = start + HEADER;
    switch (bytes[start]) {
      case ROW_DESCRIPTION:
        this.fields = readFields(bytes, body);
        this.rows = [];
        return;
      case DATA_ROW:
        this.rows.push(this.row(bytes, body));
        return;
      case COMMAND_COMPLETE:
        this.complete(bytes.toString("utf8", body, end - 1));
        return;
      case ERROR_RESPONSE:
        this.error ??= parsedByPglite(bytes.subarray(start, end));
        return;
    }
  }

  private row(bytes: Buffer, body: number): unknown {
    const count = bytes.readInt16BE(body);
    const values = new Array<unknown>(count);
    let at = body + 2;
    for (let i = 0; i < count; i++) {
      const length = bytes.readInt32BE(at);
      at += 4;
      if (length === -1) values[i] = null;
      else {
        const text = bytes.toString("utf8", at, at + length);
        at += length;
        const type = this.fields[i]!.dataTypeID;
        const parser = this.parsers[type];
        values[i] = parser ? parser(text, type) : text;
      }
    }
    if (this.rowMode === "array") return values;
    const row: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) row[this.fields[i]!.name] = values[i];
    return row;
  }

  private complete(tag: string) {
    const words = tag.split(" ");
    const command = words[0]!;
    const count = Number.parseInt(words[words.length - 1]!, 10);
    if (COUNTED_COMMANDS.has(command)) this.affectedRows += count;
    // A statement's results are the first command's, as parseResults(...)[0].
    this.results ??= {
      rows: this.rows as T[],
      fields: this.fields,
      command,
      affectedRows: this.affectedRows,
      ...(Number.isNaN(count) ? {} : { rowCount: count }),
    } as Results<T>;
  }
}

function readFields(bytes: Buffer, body: number): Field[] {
  const count = bytes.readInt16BE(body);
  const fields: Field[] = [];
  let at = body + 2;
  for (let i = 0; i < count; i++) {
    const nameEnd = bytes.indexOf(0, at);
    const name = bytes.toString("utf8", at, nameEnd);
    // After the name: table oid (4), column number (2), type oid (4), type size (2), modifier (4), format (2).
    fields.push({ name, dataTypeID: bytes.readInt32BE(nameEnd + 7) });
    at = nameEnd + 19;
  }
  return fields;
}

function parsedByPglite(message: Buffer): Error {
  let error: Error | undefined;
  new protocol.Parser().parse(new Uint8Array(message), (parsed) => {
    if (parsed instanceof protocol.messages.DatabaseError) error = parsed;
  });
  return error ?? new Error("PGlite: unreadable error response");
}
