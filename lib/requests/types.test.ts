import { describe, expect, it } from "vitest";
import { FAMILY_FILE_CHANGE_TYPES, REQUEST_TYPES, requestTypeLabel, unreadMessagesLabel } from "./types";

describe("request types", () => {
  it("labels codes as the guides do, and unknown codes as themselves", () => {
    expect(requestTypeLabel("guardian.update")).toBe("Modification du responsable");
    expect(requestTypeLabel("authorized_adult.add")).toBe("Ajout individu autorisation");
    expect(requestTypeLabel("booking.create")).toBe("booking.create");
    expect(requestTypeLabel("toString")).toBe("toString");
  });

  it("gives every family-file change the fields its diff compares, except removals", () => {
    for (const type of FAMILY_FILE_CHANGE_TYPES) {
      expect(REQUEST_TYPES[type].fields.length > 0 || type === "authorized_adult.remove").toBe(true);
    }
  });

  it("words the unread badge as the guides", () => {
    expect(unreadMessagesLabel(1)).toBe("1 nouveau(x) message(s)");
  });
});
