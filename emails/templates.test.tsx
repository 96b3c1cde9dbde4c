import { render, toPlainText } from "@react-email/render";
import { type ComponentType, createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/send-mail";
import AccountExistsMail from "./account-exists-mail";
import ActivationMail from "./activation-mail";
import AgentInvitationMail from "./agent-invitation-mail";
import BookingAcknowledgement from "./booking-acknowledgement";
import BookingDecisionsDigest from "./booking-decisions-digest";
import DocumentExpiringMail from "./document-expiring-mail";
import DocumentRefusedMail from "./document-refused-mail";
import InvoiceAvailableMail from "./invoice-available-mail";
import InvoiceReminderMail from "./invoice-reminder-mail";
import { previewCommune } from "./mail-layout";
import NewFamilyAcknowledgement from "./new-family-acknowledgement";
import NurseryApplicationMail, { type NurseryMailEvent, nurseryMailSubject } from "./nursery-application-mail";
import OnlinePaymentReceipt, {
  type OnlinePaymentReceiptProps,
  onlinePaymentReceiptSubject,
} from "./online-payment-receipt";
import PasswordResetMail from "./password-reset-mail";
import RequestDecisionMail from "./request-decision-mail";

/** A template with the demo data React Email's preview server shows (`npm run email:preview`); typed: the data must fit. */
const preview = <P extends object>(Template: ComponentType<P> & { PreviewProps: P }) =>
  createElement(Template, Template.PreviewProps);

const templates = [
  ["account-exists-mail", preview(AccountExistsMail)],
  ["activation-mail", preview(ActivationMail)],
  ["agent-invitation-mail", preview(AgentInvitationMail)],
  ["booking-acknowledgement", preview(BookingAcknowledgement)],
  ["booking-decisions-digest", preview(BookingDecisionsDigest)],
  ["document-expiring-mail", preview(DocumentExpiringMail)],
  ["document-refused-mail", preview(DocumentRefusedMail)],
  ["invoice-reminder-mail", preview(InvoiceReminderMail)],
  ["invoice-available-mail", preview(InvoiceAvailableMail)],
  ["new-family-acknowledgement", preview(NewFamilyAcknowledgement)],
  ["nursery-application-mail", preview(NurseryApplicationMail)],
  ["online-payment-receipt", preview(OnlinePaymentReceipt)],
  ["password-reset-mail", preview(PasswordResetMail)],
  ["request-decision-mail", preview(RequestDecisionMail)],
] as const;

describe("mail templates", () => {
  it.each(templates)("%s renders its preview data", async (_, mail) => {
    const text = toPlainText(await render(mail));
    expect(text).toContain(previewCommune.name);
    expect(text).not.toMatch(/undefined|null|NaN/);
  });

  it.each(templates)("%s leaves in the outbox React Email's own HTML, and its text", async (_, mail) => {
    const { html, text } = await renderMail(mail);
    // React Email streams the template: the same markup, with React's stream markers around and between nodes.
    expect(html).toBe((await render(mail)).replace(/<!--(?:\$|\/\$|html|head|body| )-->/g, ""));
    expect(text).toBe(toPlainText(html));
  });

  it.each(templates)("%s has no fixed width a 390 px phone could not hold", async (_, mail) => {
    const html = await render(mail);
    // Fixed widths in styles and attributes (max-width is what keeps the mail fluid: allowed).
    const widths = [...html.matchAll(/(?<![-\w])(?:min-)?width\s*:\s*(\d+(?:\.\d+)?)px|\swidth="(\d+)"/g)].map((m) =>
      Number(m[1] ?? m[2]),
    );
    expect(widths.filter((width) => width >= 390)).toEqual([]);
    // Long links wrap instead of widening the mail.
    expect(html).toContain("overflow-wrap:anywhere");
  });

  it.each(templates)("%s names its recipient and ends with the service's contact block", async (_, mail) => {
    const text = toPlainText(await render(mail));
    // "Mme Claire MARTIN", as the accounts are named (an agent's invitation: the first name given).
    expect(text).toMatch(/^Bonjour ((M|Mme) \p{Lu}[\p{L}-]+ [\p{Lu}-]+|Paul),$/mu);
    const contact = previewCommune.contact!;
    for (const line of [contact.address!, `Tél. : ${contact.phone}`, contact.hours!, contact.email])
      expect(text).toContain(line);
  });

  it("stacks a data table's rows as cards on a phone, each cell labelled by its column", async () => {
    const html = await render(preview(BookingDecisionsDigest));
    expect(html).toMatch(/@media \(max-width: 480px\)/);
    expect(html).toContain('class="mail-table"');
    expect(html).toContain('data-label="Décision"');
  });

  it("draws the frame and the buttons in the commune's colour, and shows its logo", async () => {
    const commune = { ...previewCommune, brandColor: "#0b5a3c", logoUrl: "https://portail.example/demo/logo?v=1" };
    const html = await render(<ActivationMail {...ActivationMail.PreviewProps} commune={commune} />);
    expect(html).toContain("background-color:#0b5a3c");
    expect(html).toContain('src="https://portail.example/demo/logo?v=1"');
    expect(html).toContain('alt="Logo de Ville de Démo"');
  });

  it("online-payment-receipt says what was paid, when, under which transaction, and what is left", async () => {
    const text = async (props: Partial<OnlinePaymentReceiptProps>) =>
      toPlainText(await render(<OnlinePaymentReceipt {...OnlinePaymentReceipt.PreviewProps} {...props} />));
    const paid = await text({});
    expect(onlinePaymentReceiptSubject("F2027-000123")).toBe("Paiement en ligne reçu — facture n° F2027-000123");
    expect(paid).toContain("votre paiement en ligne de la facture n° F2027-000123");
    expect(paid).toContain("Montant payé : 86,40\u00a0€");
    expect(paid).toContain("Date : 11/01/2027 à 10:42");
    expect(paid).toContain("Transaction n° 482913");
    expect(paid).toContain("Votre facture est entièrement payée.");
    expect(await text({ balanceCents: 1000 })).toContain("Reste à payer sur cette facture : 10,00\u00a0€");
    expect(await text({ balanceCents: null })).toContain("La régie affecte ce paiement à votre facture");
  });

  it.each([
    ["received", "Nous avons bien reçu votre demande de pré-inscription en crèche pour Jules MARTIN"],
    ["offered", "Acceptez ou déclinez cette place avant le 19/01/2027 inclus"],
    ["waiting_list", "liste d'attente (rang 3)"],
    ["refused", "Motif : Domicile hors commune."],
    ["confirmation_reminder", "doit être confirmée au plus tard le 19/01/2027"],
    ["lapsed", "elle est devenue caduque"],
    ["offer_expired", "Votre demande retourne à la commission d'attribution"],
    ["accepted", "Vous avez accepté la place proposée pour Jules MARTIN"],
  ] as [NurseryMailEvent, string][])("nursery-application-mail says what happened: %s", async (event, sentence) => {
    const props = { ...NurseryApplicationMail.PreviewProps, event, waitingRank: 3, reason: "Domicile hors commune." };
    const text = toPlainText(await render(<NurseryApplicationMail {...props} />));
    expect(text.replace(/\s+/g, " ")).toContain(sentence);
    expect(text).toContain("Voir ma demande D2027-000042");
    expect(text).not.toMatch(/undefined|null|NaN/);
    expect(nurseryMailSubject(event, "D2027-000042")).toMatch(/\(D2027-000042\)$/);
  });

  it("refuse at compile time a caller that forgets a prop (tsc checks the lines below)", () => {
    const forgetful = [
      // @ts-expect-error activationUrl is required: no default localhost link may reach a family.
      () => <ActivationMail commune={previewCommune} greetingName="Mme Claire MARTIN" />,
      // @ts-expect-error resetUrl is required.
      () => <PasswordResetMail commune={previewCommune} greetingName="Mme Claire MARTIN" />,
      // @ts-expect-error the commune is required.
      () => <RequestDecisionMail {...{ ...RequestDecisionMail.PreviewProps, commune: undefined }} />,
      () => (
        // @ts-expect-error the lines are required.
        <BookingDecisionsDigest
          commune={previewCommune}
          from={new Date()}
          to={new Date()}
          myRequestsUrl="https://portail.example/"
        />
      ),
      // @ts-expect-error the link to the invoice is required.
      () => <InvoiceAvailableMail {...{ ...InvoiceAvailableMail.PreviewProps, invoiceUrl: undefined }} />,
      // @ts-expect-error the balance is required: null says the régie assigns the payment, never a default.
      () => <OnlinePaymentReceipt {...{ ...OnlinePaymentReceipt.PreviewProps, balanceCents: undefined }} />,
    ];
    expect(forgetful).toHaveLength(6);
  });
});
