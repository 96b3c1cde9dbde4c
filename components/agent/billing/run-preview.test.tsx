import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { HouseholdBill } from "@/lib/billing/run/compute";
import { formatEuros } from "@/lib/format";
import { PastRunsTable, RunAnomaliesList, RunFacts, RunHouseholdsTable } from "./run-preview";

/* The run page's pieces: French wording, the household's lines behind a named disclosure, amounts as euros. */

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");

const martin: HouseholdBill = {
  householdId: "h-1",
  householdName: "MARTIN",
  familyQuotient: null,
  payer: { guardianId: "g-1", name: "Mme Claire MARTIN", address: null, email: "claire@example.fr" },
  directDebit: true,
  lines: [
    {
      childId: "c-1",
      childName: "Léa MARTIN",
      activityId: "a-1",
      activityLabel: "2/Repas Sco — École Jean Moulin",
      natureId: "n-1",
      month: "2027-01-01",
      kind: "slot",
      quantity: 3,
      unitCents: 180,
      amountCents: 540,
      note: "1 absence prévenue dans les délais, non facturée",
    },
    {
      childId: "c-1",
      childName: "Léa MARTIN",
      activityId: "a-1",
      activityLabel: "2/Repas Sco — École Jean Moulin",
      natureId: "n-1",
      month: "2026-12-01",
      kind: "regularisation",
      quantity: -1,
      unitCents: 180,
      amountCents: -180,
      note: "Régularisation : 1 jour déduit",
    },
  ],
  totalCents: 360,
  invoiced: true,
};

describe("the run page's pieces", () => {
  it("lists each household with its payer, QF, lines and total", () => {
    const html = renderToStaticMarkup(
      <RunHouseholdsTable
        slug="demo"
        caption="Familles facturées (2)"
        households={[
          martin,
          { ...martin, householdId: "h-2", householdName: "PETIT", payer: null, totalCents: -180, invoiced: false },
        ]}
      />,
    );
    const read = text(html);
    expect(html).toContain('<th scope="row" data-label="Famille"><a href="/demo/agent/familles/h-1">MARTIN</a></th>');
    expect(read).toContain("Mme Claire MARTIN");
    expect(read).toContain("Non renseigné");
    expect(read).toContain("2 lignes de la famille MARTIN");
    expect(read).toContain(
      `Léa MARTIN – 2/Repas Sco — École Jean Moulin – Janvier 2027 : 3 × ${formatEuros(180)} = ${formatEuros(540)} (1 absence prévenue dans les délais, non facturée)`,
    );
    expect(read).toContain(`Décembre 2026 : -1 × ${formatEuros(180)} = ${formatEuros(-180)}`);
    expect(read).toContain("Oui, prélèvement");
    expect(read).toContain("Aucun");
    expect(read).toContain("Non : total nul ou négatif, reporté au mois suivant");
  });

  it("says there is nothing to check, or what to check", () => {
    const none = { missingPayer: [], missingQuotient: [], missingTariff: [], activitiesWithoutNature: [] };
    expect(text(renderToStaticMarkup(<RunAnomaliesList slug="demo" anomalies={none} />))).toBe("Aucune anomalie.");
    const read = text(
      renderToStaticMarkup(
        <RunAnomaliesList
          slug="demo"
          anomalies={{
            missingPayer: [{ householdId: "h-2", householdName: "PETIT" }],
            missingQuotient: [
              { householdId: "h-1", householdName: "MARTIN" },
              { householdId: "h-3", householdName: "DURAND" },
            ],
            missingTariff: [{ activityId: "a-3", activityLabel: "3/Péri SOIR", days: 4, households: 2 }],
            activitiesWithoutNature: [{ activityId: "a-4", activityLabel: "4/Étude" }],
          }}
        />,
      ),
    );
    expect(read).toContain(
      "1 famille n'a pas de responsable payeur (la facture est émise sans nom ni e-mail) : PETIT.",
    );
    expect(read).toContain(
      "2 familles n'ont pas de quotient familial et sont facturées au tarif par défaut : MARTIN, DURAND.",
    );
    expect(read).toContain(
      "3/Péri SOIR n'a pas de tarif en vigueur : 4 jours facturables (2 familles) ne sont pas facturés.",
    );
    expect(read).toContain("Cette activité n'a pas de nature de facture et n'est facturée par aucune régie : 4/Étude.");
  });

  it("shows the facts and the past runs", () => {
    expect(renderToStaticMarkup(<RunFacts facts={[["Total", "5,40 €"]]} />)).toContain("<dl");
    const read = text(
      renderToStaticMarkup(
        <PastRunsTable
          runs={[
            {
              id: "r-1",
              period: "2027-01-01",
              emissionCode: "2027-01-ENF",
              issuedOn: "2027-02-03",
              dueOn: "2027-02-23",
              invoiceCount: 12,
              totalCents: 123_456,
              regieName: "Régie enfance jeunesse",
            },
          ]}
        />,
      ),
    );
    expect(read).toContain(
      `Janvier 2027Régie enfance jeunesse2027-01-ENF03/02/202723/02/202712${formatEuros(123_456)}`,
    );
  });
});
