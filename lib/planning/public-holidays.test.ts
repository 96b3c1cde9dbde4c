import { describe, expect, it } from "vitest";
import { easterSunday, frenchPublicHolidays, frenchPublicHolidaysBetween } from "./public-holidays";

describe("easterSunday", () => {
  it("gives the published dates, the earliest and latest possible ones included", () => {
    expect(easterSunday(2019)).toBe("2019-04-21");
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2285)).toBe("2285-03-22");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });
});

describe("frenchPublicHolidays", () => {
  it("lists the eleven days of a year in order, the Easter-dependent ones computed", () => {
    expect(frenchPublicHolidays(2027)).toEqual([
      { date: "2027-01-01", label: "Jour de l'an" },
      { date: "2027-03-29", label: "Lundi de Pâques" },
      { date: "2027-05-01", label: "Fête du Travail" },
      { date: "2027-05-06", label: "Ascension" },
      { date: "2027-05-08", label: "Victoire 1945" },
      { date: "2027-05-17", label: "Lundi de Pentecôte" },
      { date: "2027-07-14", label: "Fête nationale" },
      { date: "2027-08-15", label: "Assomption" },
      { date: "2027-11-01", label: "Toussaint" },
      { date: "2027-11-11", label: "Armistice 1918" },
      { date: "2027-12-25", label: "Noël" },
    ]);
  });

  it("gives one entry to two holidays on the same day", () => {
    const may = frenchPublicHolidays(2008).filter(({ date }) => date.startsWith("2008-05"));
    expect(may).toEqual([
      { date: "2008-05-01", label: "Fête du Travail et Ascension" },
      { date: "2008-05-08", label: "Victoire 1945" },
      { date: "2008-05-12", label: "Lundi de Pentecôte" },
    ]);
  });
});

describe("frenchPublicHolidaysBetween", () => {
  it("covers a school year across two calendar years", () => {
    const dates = frenchPublicHolidaysBetween("2026-09-01", "2027-08-31").map(({ date }) => date);
    expect(dates).toEqual([
      "2026-11-01",
      "2026-11-11",
      "2026-12-25",
      "2027-01-01",
      "2027-03-29",
      "2027-05-01",
      "2027-05-06",
      "2027-05-08",
      "2027-05-17",
      "2027-07-14",
      "2027-08-15",
    ]);
  });
});
