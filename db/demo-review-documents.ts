/*
 * The demo family whose documents wait for the agents' review (seeded by db/seed-review-documents.ts): plain data,
 * shared by the seed and the agents' documents end-to-end test, which is the only one to decide them.
 */

export const reviewDocumentsFamily = {
  name: "ROUSSEL",
  code: "RSS7R3K9PZ",
  account: { email: "famille-roussel@demo.fr", password: "Famille2026pieces" },
  guardian: { firstName: "Sandrine" },
  children: [
    { firstName: "Malo", birthDate: "2017-02-14", sex: "M" as const },
    { firstName: "Jade", birthDate: "2019-10-03", sex: "F" as const },
  ],
} as const;
