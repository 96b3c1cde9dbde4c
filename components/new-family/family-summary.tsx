import {
  type FamilyStep,
  type FinanceStep,
  type NewFamilyGuardian,
  WISHED_SERVICES,
  type WishedService,
} from "@/lib/new-family/schemas";
import { civilityLabels } from "@/lib/validation/fields";
import { formatIban } from "@/lib/validation/iban";
import styles from "./new-family.module.css";

const frDate = (iso: string) => iso.split("-").reverse().join("/");
const yesNo = (v: boolean) => (v ? "Oui" : "Non");

function GuardianFacts({
  guardian,
  title,
  headingLevel,
}: {
  guardian: NewFamilyGuardian;
  title: string;
  headingLevel: 2 | 3;
}) {
  const H = `h${headingLevel}` as const;
  const consents = [
    guardian.acceptsEmail ? "e-mails" : null,
    guardian.acceptsSms ? "SMS" : null,
    guardian.acceptsPost ? "courriers" : null,
  ].filter(Boolean);
  const reminders = [
    guardian.remindByEmail ? "e-mail" : null,
    guardian.remindBySms ? "SMS" : null,
    guardian.remindByPost ? "courrier" : null,
  ].filter(Boolean);
  return (
    <section>
      <H>{title}</H>
      <dl className={styles.summary}>
        <dt>Nom</dt>
        <dd>
          {civilityLabels[guardian.civility]} {guardian.firstName} {guardian.lastName.toLocaleUpperCase("fr-FR")}
        </dd>
        <dt>Qualité</dt>
        <dd>{guardian.quality ?? "–"}</dd>
        <dt>Situation familiale</dt>
        <dd>{guardian.familySituation ?? "–"}</dd>
        <dt>Téléphone</dt>
        <dd>{guardian.phone ?? "–"}</dd>
        <dt>Téléphone portable</dt>
        <dd>{guardian.mobilePhone ?? "–"}</dd>
        <dt>E-mail</dt>
        <dd>{guardian.email ?? "–"}</dd>
        <dt>Adresse</dt>
        <dd>
          {[guardian.addressLine, `${guardian.postcode ?? ""} ${guardian.city}`.trim(), guardian.country]
            .filter(Boolean)
            .join(", ")}
        </dd>
        <dt>Accepte de recevoir</dt>
        <dd>{consents.length ? consents.join(", ") : "Aucun envoi"}</dd>
        <dt>Facture par courrier</dt>
        <dd>{yesNo(Boolean(guardian.invoiceByPost))}</dd>
        <dt>Mode de relance de paiement des factures</dt>
        <dd>{reminders.length ? reminders.join(", ") : "Aucune relance"}</dd>
      </dl>
    </section>
  );
}

/**
 * A new family's pre-registration, readable: the wizard's confirmation step and the agent's request page.
 * `iban` is passed masked to agents, whole (formatted) to the family who typed it.
 */
export function NewFamilySummary({
  family,
  finance,
  iban,
  wishes,
  headingLevel = 2,
  ribFileName,
}: {
  family: FamilyStep;
  finance: Omit<FinanceStep, "iban">;
  iban: string | null;
  wishes: WishedService[][];
  headingLevel?: 2 | 3;
  /** The family's own view: the RIB handed in with the direct debit (its file name), null if none; unset: not shown. */
  ribFileName?: string | null;
}) {
  const H = `h${headingLevel}` as const;
  const guardianName = (rank: 1 | 2 | null) => {
    const g = rank === 2 ? family.guardian2 : family.guardian1;
    return g ? `Responsable ${rank} (${g.firstName} ${g.lastName.toLocaleUpperCase("fr-FR")})` : "–";
  };
  return (
    <div>
      <GuardianFacts guardian={family.guardian1} title="Responsable 1" headingLevel={headingLevel} />
      {family.guardian2 ? (
        <GuardianFacts guardian={family.guardian2} title="Responsable 2" headingLevel={headingLevel} />
      ) : null}
      <section>
        <H>Enfants</H>
        <ul>
          {family.children.map((child, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a draft child has no id yet; its place in the wizard is its identity.
            <li key={index}>
              <strong>
                {child.firstName} {child.lastName.toLocaleUpperCase("fr-FR")}
              </strong>
              , {child.sex === "F" ? "née" : "né"} le {frDate(child.birthDate)}
              {child.school ? `, ${child.school}` : ""}
              <br />
              Services souhaités :{" "}
              {wishes[index]?.length
                ? wishes[index]!.map((w) => WISHED_SERVICES[w]).join(", ")
                : "aucun pour le moment"}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <H>Informations financières</H>
        <dl className={styles.summary}>
          <dt>Responsable payeur</dt>
          <dd>{guardianName(finance.payer)}</dd>
          <dt>Allocataire</dt>
          <dd>
            {finance.benefitScheme
              ? `${finance.benefitScheme}, n° ${finance.allocataireNumber} – ${guardianName(finance.allocataire)}`
              : "Non"}
          </dd>
          <dt>Prélèvement</dt>
          <dd>{yesNo(finance.directDebit)}</dd>
          {finance.directDebit ? (
            <>
              <dt>IBAN</dt>
              <dd>{iban ? (iban.includes("•") ? iban : formatIban(iban)) : "–"}</dd>
              <dt>BIC</dt>
              <dd>{finance.bic}</dd>
              <dt>Titulaire du compte</dt>
              <dd>{finance.holderName}</dd>
              {ribFileName !== undefined ? (
                <>
                  <dt>RIB</dt>
                  <dd>{ribFileName ? `déposé (${ribFileName})` : "non déposé"}</dd>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
      </section>
    </div>
  );
}
