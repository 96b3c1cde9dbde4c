/*
 * The new-family wizard's fields as a family fills them in: the tests of the wizard's actions and of its RIB share
 * them.
 */

export const newFamilyFields = (overrides: Record<string, string | boolean> = {}) => ({
  "guardian1.civility": "MME",
  "guardian1.lastName": "Nouvelle",
  "guardian1.firstName": "Inès",
  "guardian1.phone": "04 76 12 34 56",
  "guardian1.mobilePhone": "06 12 34 56 78",
  "guardian1.email": "ines@example.fr",
  "guardian1.postcode": "38330",
  "guardian1.city": "Saint-Ismier",
  "guardian1.country": "France",
  "guardian1.quality": "Mère",
  "guardian1.familySituation": "Mariée",
  "guardian1.acceptsEmail": true,
  "guardian1.invoiceByPost": "oui",
  "guardian1.remindByEmail": true,
  "guardian1.remindBySms": true,
  hasGuardian2: true,
  "guardian2.civility": "M",
  "guardian2.lastName": "Nouvelle",
  "guardian2.firstName": "Paul",
  "guardian2.mobilePhone": "+33 7 12 34 56 78",
  "guardian2.postcode": "38330",
  "guardian2.city": "Saint-Ismier",
  "guardian2.country": "France",
  "guardian2.invoiceByPost": "non",
  "children.0.firstName": "Léo",
  "children.0.lastName": "Nouvelle",
  "children.0.birthDate": "2018-05-04",
  "children.0.sex": "M",
  "children.0.school": "École du Bourg",
  "children.1.firstName": "Zoé",
  "children.1.lastName": "Nouvelle",
  "children.1.birthDate": "2020-09-30",
  "children.1.sex": "F",
  ...overrides,
});

export const newFamilyFinanceFields = {
  payer: "1",
  benefitScheme: "CAF",
  allocataire: "2",
  allocataireNumber: "1234567",
  directDebit: "yes",
  iban: "FR76 3000 6000 0112 3456 7890 189",
  bic: "AGRIFRPP",
  holderName: "Inès NOUVELLE",
};
