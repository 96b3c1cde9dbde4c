import { describe, expect, it } from "vitest";
import { listCommuneRequests, listHouseholdRequests } from "./lists";
import { newAuthorizedAdultId, submitChange } from "./submit-change";
import { setUpRequestsTest } from "./test-fixtures";
import { withdrawRequest } from "./withdraw";

const { db, setup } = setUpRequestsTest();

describe("lists", () => {
  it("filters by type, state and reference, and pages", async () => {
    const f = await setup();
    const base = { ...f.scope, userId: f.family.id };
    for (let i = 0; i < 5; i++) {
      await submitChange(db(), {
        ...base,
        type: "authorized_adult.add",
        targetId: newAuthorizedAdultId(),
        proposed: { childId: f.child.id, lastName: "X", firstName: `P${i}`, relationship: "Ami" },
      });
    }
    const guardianChange = await submitChange(db(), {
      ...base,
      type: "guardian.update",
      targetId: f.guardian.id,
      proposed: { quality: "Mère" },
    });
    await withdrawRequest(db(), { ...base, requestId: guardianChange.ok ? guardianChange.request!.id : "" });

    expect((await listHouseholdRequests(db(), { ...f.scope })).total).toBe(6);
    expect((await listHouseholdRequests(db(), { ...f.scope, state: "open" })).total).toBe(5);
    const done = await listHouseholdRequests(db(), { ...f.scope, state: "done" });
    expect(done.items.map((i) => [i.typeLabel, i.statusLabel])).toEqual([["Modification du responsable", "Retirée"]]);
    expect((await listHouseholdRequests(db(), { ...f.scope, types: ["guardian.update"] })).total).toBe(1);
    const reference = guardianChange.ok ? guardianChange.request!.reference : "";
    const byReference = await listHouseholdRequests(db(), { ...f.scope, reference: reference.toLowerCase() });
    expect(byReference.items.map((i) => i.reference)).toEqual([reference]);
    expect((await listHouseholdRequests(db(), { ...f.scope, reference: "00000" })).total).toBe(6);

    const page1 = await listHouseholdRequests(db(), { ...f.scope, pageSize: 4 });
    const page2 = await listHouseholdRequests(db(), { ...f.scope, pageSize: 4, page: 2 });
    expect([page1.items.length, page2.items.length, page1.pageCount]).toEqual([4, 2, 2]);
    expect(new Set([...page1.items, ...page2.items].map((i) => i.id)).size).toBe(6);
    expect([page2.total, page2.pageCount]).toEqual([6, 2]);
    // Past the last page: no row, the total all the same.
    const page9 = await listHouseholdRequests(db(), { ...f.scope, pageSize: 4, page: 9 });
    expect([page9.items.length, page9.total, page9.pageCount]).toEqual([0, 6, 2]);
    const none = await listHouseholdRequests(db(), { ...f.scope, reference: "D1999-999999" });
    expect([none.items.length, none.total, none.pageCount]).toEqual([0, 0, 1]);

    const inbox = await listCommuneRequests(db(), {
      communeId: f.commune.id,
      status: "pending",
      search: f.household.name.toLowerCase(),
    });
    expect(inbox.total).toBe(5);
    expect(inbox.items[0]?.householdName).toBe(f.household.name);
  });
});
