import { describe, expect, it } from "vitest";
import { routes } from "@/lib/routes/paths";
import { absoluteUrl } from "./urls";

describe("absoluteUrl", () => {
  it("puts a path of the route map on APP_URL, its query as the map encoded it", () => {
    expect(absoluteUrl(routes.activation("demo", "a+b/c="))).toBe(
      "http://localhost:3000/demo/activation?jeton=a%2Bb%2Fc%3D",
    );
    expect(absoluteUrl(routes.calendarFeed("AbC_dEf-123"))).toBe("http://localhost:3000/api/calendrier/AbC_dEf-123");
  });
});
