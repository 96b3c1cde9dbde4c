import { describe, expect, it } from "vitest";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { getHouseholdRequest } from "./detail";
import { listHouseholdRequests } from "./lists";
import { markRequestsRead } from "./messages";
import { submitChange } from "./submit-change";
import { proposeChange, setUpRequestsTest } from "./test-fixtures";
import { withdrawRequest } from "./withdraw";

const { db, setup } = setUpRequestsTest();

describe("withdrawRequest", () => {
  it("lets the family withdraw its own pending request, once", async () => {
    const f = await setup();
    const requestId = await proposeChange(db(), f, "child.update", f.child.id, { allergies: "Kiwi" });
    expect(await withdrawRequest(db(), { ...f.scope, userId: f.family.id, requestId })).toEqual({ ok: true });
    expect(await withdrawRequest(db(), { ...f.scope, userId: f.family.id, requestId })).toEqual({
      ok: false,
      reason: "not_pending",
    });
    const detail = await getHouseholdRequest(db(), { ...f.scope, requestId });
    expect(detail?.status).toBe("withdrawn");
    expect(detail?.history.at(-1)?.kind).toBe("withdrawn");
    // A new change to the same data starts a new request.
    const again = await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "child.update",
      targetId: f.child.id,
      proposed: { allergies: "Kiwi" },
    });
    expect(again).toMatchObject({ ok: true, outcome: "created" });
  });

  it("does not let a family read or withdraw another household's request by id", async () => {
    const f = await setup();
    const other = await insertFamily(db(), f.commune.id);
    const requestId = await proposeChange(db(), other, "child.update", other.child.id, { allergies: "Œuf" });
    expect(await getHouseholdRequest(db(), { ...f.scope, requestId })).toBeNull();
    expect(await withdrawRequest(db(), { ...f.scope, userId: f.family.id, requestId })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await markRequestsRead(db(), { ...f.scope, requestIds: [requestId] })).toBe(0);
    expect((await listHouseholdRequests(db(), { ...f.scope })).total).toBe(0);
    expect((await getHouseholdRequest(db(), { ...other.scope, requestId }))?.status).toBe("pending");
  });
});
