import { describe, expect, it } from "vitest";
import { getHouseholdRequest } from "./detail";
import { postTownMessage } from "./messages";
import { proposeChange, setUpRequestsTest } from "./test-fixtures";

const { db, setup } = setUpRequestsTest();

describe("postTownMessage", () => {
  it("counts a town message as unread and shows it in the history", async () => {
    const f = await setup();
    const requestId = await proposeChange(db(), f, "child.update", f.child.id, { doctorName: "Dr Martin" });
    expect(
      await postTownMessage(db(), {
        communeId: f.commune.id,
        agentUserId: f.agent.id,
        requestId,
        message: "Pouvez-vous préciser le téléphone ?",
      }),
    ).toEqual({ ok: true });
    const detail = await getHouseholdRequest(db(), { ...f.scope, requestId });
    expect(detail?.unreadCount).toBe(1);
    expect(detail?.history.at(-1)).toMatchObject({ kind: "message", side: "town", actorName: "Alice TEST" });
  });
});
