import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, documentBlobChunks, documentBlobs, documents, documentTypes, subscriptions } from "@/db/schema";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { findViewableDocument } from "./access";
import { documentResponse } from "./serve";
import { DOCUMENT_CHUNK_BYTES, documentStore } from "./storage";

const database = setUpTestDatabase();

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

/** A type of the commune, and a document of it whose bytes are in the store (rows inserted directly). */
async function insertDocument(
  db: Db,
  params: {
    communeId: string;
    householdId: string | null;
    uploadedByUserId: string;
    isHealth?: boolean;
    bytes?: Uint8Array;
    fileName?: string;
  },
) {
  const bytes = params.bytes ?? new Uint8Array(randomBytes(1000));
  const [type] = await db
    .insert(documentTypes)
    .values({
      communeId: params.communeId,
      code: `type_${randomBytes(4).toString("hex")}`,
      label: params.isHealth ? "PAI" : "Justificatif de domicile",
      audience: "household",
      isHealth: params.isHealth ?? false,
    })
    .returning();
  const storageKey = await documentStore.put(db, { communeId: params.communeId, bytes });
  const [document] = await db
    .insert(documents)
    .values({
      communeId: params.communeId,
      householdId: params.householdId,
      typeId: type!.id,
      uploadedByUserId: params.uploadedByUserId,
      storageKey,
      fileName: params.fileName ?? "Justificatif de domicile - MARTIN.pdf",
      mediaType: "application/pdf",
      sizeBytes: bytes.byteLength,
      sha256: "0".repeat(64),
    })
    .returning();
  return { document: document!, bytes };
}

async function subscribe(db: Db, communeId: string, userId: string, householdId: string) {
  await db.insert(subscriptions).values({ communeId, userId, householdId, method: "subscriber_code" });
}

describe("documentStore (PostgreSQL chunks)", () => {
  it("stores bytes in 256 KiB chunks and streams them back one chunk per read", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const bytes = new Uint8Array(randomBytes(2 * DOCUMENT_CHUNK_BYTES + 1234));
    const key = await documentStore.put(db, { communeId: commune.id, bytes });
    const chunks = await db.select().from(documentBlobChunks).where(eq(documentBlobChunks.key, key));
    expect(chunks.map((c) => c.seq).sort()).toEqual([0, 1, 2]);
    const opened = await documentStore.open(db, { communeId: commune.id, key });
    expect(opened?.sizeBytes).toBe(bytes.byteLength);
    const reader = opened!.stream.getReader();
    const sizes: number[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      expect(read.value).toBeInstanceOf(Uint8Array);
      sizes.push(read.value.byteLength);
    }
    expect(sizes).toEqual([DOCUMENT_CHUNK_BYTES, DOCUMENT_CHUNK_BYTES, 1234]);
    const again = await documentStore.open(db, { communeId: commune.id, key });
    expect(Buffer.from(bytes).equals(await readAll(again!.stream))).toBe(true);
  });

  it("stores a file of exactly one chunk, and a tiny one", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    for (const size of [DOCUMENT_CHUNK_BYTES, 1]) {
      const bytes = new Uint8Array(randomBytes(size));
      const key = await documentStore.put(db, { communeId: commune.id, bytes });
      const [blob] = await db.select().from(documentBlobs).where(eq(documentBlobs.key, key));
      expect(blob).toMatchObject({ sizeBytes: size, chunkCount: 1 });
      const opened = await documentStore.open(db, { communeId: commune.id, key });
      expect(Buffer.from(bytes).equals(await readAll(opened!.stream))).toBe(true);
    }
  });

  it("opens nothing for another commune, an unknown key or a deleted blob; delete is scoped by commune", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const other = await insertCommune(db);
    const key = await documentStore.put(db, { communeId: commune.id, bytes: new Uint8Array([1, 2, 3]) });
    expect(await documentStore.open(db, { communeId: other.id, key })).toBeNull();
    expect(
      await documentStore.open(db, { communeId: commune.id, key: "00000000-0000-4000-8000-000000000000" }),
    ).toBeNull();
    await documentStore.delete(db, { communeId: other.id, key });
    expect(await documentStore.open(db, { communeId: commune.id, key })).not.toBeNull();
    await documentStore.delete(db, { communeId: commune.id, key });
    expect(await documentStore.open(db, { communeId: commune.id, key })).toBeNull();
    expect(await db.select().from(documentBlobChunks).where(eq(documentBlobChunks.key, key))).toEqual([]);
  });

  it("stores nothing when the caller's transaction rolls back", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    let key = "";
    await expect(
      db.transaction(async (tx) => {
        key = await documentStore.put(tx, { communeId: commune.id, bytes: new Uint8Array(randomBytes(300_000)) });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await db.select().from(documentBlobs).where(eq(documentBlobs.key, key))).toEqual([]);
  });
});

describe("findViewableDocument", () => {
  it("lets the household's subscribers and the commune's staff see it; nobody else", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const f = await insertFamily(db, commune.id);
    await subscribe(db, commune.id, f.family.id, f.householdId);
    const { document } = await insertDocument(db, {
      communeId: commune.id,
      householdId: f.householdId,
      uploadedByUserId: f.family.id,
    });
    const find = (communeId: string, viewer: { id: string; role: "family" | "agent" | "admin" }) =>
      findViewableDocument(db, { communeId, viewer, documentId: document.id });
    expect(await find(commune.id, { id: f.family.id, role: "family" })).toEqual({
      id: document.id,
      communeId: commune.id,
      storageKey: document.storageKey,
      fileName: document.fileName,
      mediaType: "application/pdf",
      sizeBytes: document.sizeBytes,
    });
    expect(await find(commune.id, { id: f.agent.id, role: "agent" })).toMatchObject({ id: document.id });
    const admin = await insertUser(db, commune.id, "admin");
    expect(await find(commune.id, { id: admin.id, role: "admin" })).toMatchObject({ id: document.id });

    // Another family of the same commune, even subscribed to its own household.
    const otherFamily = await insertFamily(db, commune.id);
    await subscribe(db, commune.id, otherFamily.family.id, otherFamily.householdId);
    expect(await find(commune.id, { id: otherFamily.family.id, role: "family" })).toBeNull();
    // The uploader no longer subscribed to the household.
    await db.delete(subscriptions).where(eq(subscriptions.userId, f.family.id));
    expect(await find(commune.id, { id: f.family.id, role: "family" })).toBeNull();

    // Another commune's agent, asking through its own commune or through this one.
    const other = await insertCommune(db);
    const otherAgent = await insertUser(db, other.id, "agent");
    expect(await find(other.id, { id: otherAgent.id, role: "agent" })).toBeNull();
    // An unknown id.
    expect(
      await findViewableDocument(db, {
        communeId: commune.id,
        viewer: { id: f.agent.id, role: "agent" },
        documentId: "00000000-0000-4000-8000-000000000000",
      }),
    ).toBeNull();
  });

  it("a document without household is its uploader's (and the staff's) only", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const uploader = await insertUser(db, commune.id, "family");
    const someone = await insertUser(db, commune.id, "family");
    const agent = await insertUser(db, commune.id, "agent");
    const { document } = await insertDocument(db, {
      communeId: commune.id,
      householdId: null,
      uploadedByUserId: uploader.id,
    });
    const find = (viewer: { id: string; role: "family" | "agent" }) =>
      findViewableDocument(db, { communeId: commune.id, viewer, documentId: document.id });
    expect(await find({ id: uploader.id, role: "family" })).toMatchObject({ id: document.id });
    expect(await find({ id: someone.id, role: "family" })).toBeNull();
    expect(await find({ id: agent.id, role: "agent" })).toMatchObject({ id: document.id });
  });

  it("audits every staff read of a health document, never a family's nor a non-health one", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const f = await insertFamily(db, commune.id);
    await subscribe(db, commune.id, f.family.id, f.householdId);
    const pai = await insertDocument(db, {
      communeId: commune.id,
      householdId: f.householdId,
      uploadedByUserId: f.family.id,
      isHealth: true,
    });
    const plain = await insertDocument(db, {
      communeId: commune.id,
      householdId: f.householdId,
      uploadedByUserId: f.family.id,
    });
    const read = (documentId: string, viewer: { id: string; role: "family" | "agent" }) =>
      findViewableDocument(db, { communeId: commune.id, viewer, documentId });
    await read(pai.document.id, { id: f.family.id, role: "family" });
    await read(plain.document.id, { id: f.agent.id, role: "agent" });
    expect(await db.select().from(auditLog).where(eq(auditLog.communeId, commune.id))).toEqual([]);
    await read(pai.document.id, { id: f.agent.id, role: "agent" });
    await read(pai.document.id, { id: f.agent.id, role: "agent" });
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.communeId, commune.id), eq(auditLog.action, "document.health_read")));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      actorUserId: f.agent.id,
      targetType: "document",
      targetId: pai.document.id,
      details: { householdId: f.householdId, typeId: pai.document.typeId },
    });
    // Another commune's agent reads nothing, and nothing is recorded for it.
    const other = await insertCommune(db);
    const otherAgent = await insertUser(db, other.id, "agent");
    expect(
      await findViewableDocument(db, {
        communeId: other.id,
        viewer: { id: otherAgent.id, role: "agent" },
        documentId: pai.document.id,
      }),
    ).toBeNull();
    expect(await db.select().from(auditLog).where(eq(auditLog.communeId, other.id))).toEqual([]);
  });
});

describe("documentResponse", () => {
  it("streams the file as a download with safe headers, or inline for the viewer", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const f = await insertFamily(db, commune.id);
    const bytes = new Uint8Array(randomBytes(DOCUMENT_CHUNK_BYTES + 10));
    const { document } = await insertDocument(db, {
      communeId: commune.id,
      householdId: f.householdId,
      uploadedByUserId: f.family.id,
      bytes,
      fileName: 'Attestation d\'été "2026"\r\n.pdf',
    });
    const viewable = await findViewableDocument(db, {
      communeId: commune.id,
      viewer: { id: f.agent.id, role: "agent" },
      documentId: document.id,
    });
    const download = await documentResponse(db, viewable!, { inline: false });
    expect(download.status).toBe(200);
    expect(Object.fromEntries(download.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(bytes.byteLength),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-disposition":
        "attachment; filename=\"Attestation d_ete _2026_.pdf\"; filename*=UTF-8''Attestation%20d%27%C3%A9t%C3%A9%20%222026%22.pdf",
      "content-security-policy": "sandbox; default-src 'none'; frame-ancestors 'none'",
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    const inline = await documentResponse(db, viewable!, { inline: true });
    expect(inline.headers.get("content-disposition")).toMatch(/^inline; filename="/);
    expect(inline.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; frame-ancestors 'self'");
    await inline.body?.cancel();
    const image = await documentResponse(db, { ...viewable!, mediaType: "image/png" }, { inline: true });
    expect(image.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; frame-ancestors 'self'");
    expect(image.headers.get("content-type")).toBe("image/png");
    await image.body?.cancel();

    // The bytes gone: 404.
    await documentStore.delete(db, { communeId: commune.id, key: document.storageKey });
    const gone = await documentResponse(db, viewable!, { inline: false });
    expect(gone.status).toBe(404);
    expect(gone.headers.get("cache-control")).toBe("private, no-store");
  });
});
