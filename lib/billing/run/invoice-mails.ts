import "server-only";
import { createElement } from "react";
import InvoiceAvailableMail, {
  type InvoiceAvailableMailProps,
  invoiceAvailableSubject,
} from "@/emails/invoice-available-mail";
import { escapeHtml } from "@/lib/html";
import { type RenderedMail, renderMail } from "@/lib/mail/send-mail";

/*
 * A run mails thousands of invoices, and React Email takes milliseconds per render: the mail is rendered once per
 * run (twice: with and without direct debit) with markers where each invoice's own values go, then filled in per
 * invoice — HTML-escaped in the HTML, as they are in the text. invoice-mails.test.ts checks that a filled mail is
 * the very mail a render of the same values gives.
 */

/** What differs from one invoice of a run to the next. */
export type InvoiceMailValues = { greetingName: string; reference: string; amount: string; invoiceId: string };

/** What all the invoices of a run share. */
export type RunMailContext = Omit<
  InvoiceAvailableMailProps,
  keyof InvoiceMailValues | "invoiceUrl" | "directDebitDate"
> & {
  /** The invoice page's absolute address for an id. */
  invoiceUrl: (invoiceId: string) => string;
  /** The run's direct debit day, "dd/MM/yyyy" (its due date). */
  directDebitDate: string;
};

const MARKERS: Record<keyof InvoiceMailValues, string> = {
  greetingName: "QQGREETINGQQ",
  reference: "QQREFERENCEQQ",
  amount: "QQAMOUNTQQ",
  invoiceId: "QQINVOICEIDQQ",
};

type Skeleton = { html: string; text: string };

function fill(skeleton: Skeleton, values: InvoiceMailValues): Skeleton {
  let { html, text } = skeleton;
  for (const key of Object.keys(MARKERS) as (keyof InvoiceMailValues)[]) {
    html = html.replaceAll(MARKERS[key], escapeHtml(values[key]));
    text = text.replaceAll(MARKERS[key], values[key]);
  }
  return { html, text };
}

/** The props of one invoice's mail (what a render of it alone would take). */
export function invoiceMailProps(
  context: RunMailContext,
  values: InvoiceMailValues,
  directDebit: boolean,
): InvoiceAvailableMailProps {
  const { invoiceUrl, directDebitDate, ...shared } = context;
  return {
    ...shared,
    greetingName: values.greetingName,
    reference: values.reference,
    amount: values.amount,
    invoiceUrl: invoiceUrl(values.invoiceId),
    directDebitDate: directDebit ? directDebitDate : null,
  };
}

/**
 * Renders the run's mail once per variant; returns what builds each invoice's mail from its values. Markers must
 * not be changed by the template: a value that would (none does today) is refused rather than mailed wrong.
 */
export async function prepareInvoiceMails(context: RunMailContext & { communeId: string }) {
  const { communeId, ...rest } = context;
  const render = async (directDebit: boolean) => {
    const skeleton = await renderMail(
      createElement(InvoiceAvailableMail, invoiceMailProps(rest, MARKERS, directDebit)),
    );
    for (const marker of Object.values(MARKERS))
      if (!skeleton.html.includes(marker) || !skeleton.text.includes(marker))
        throw new Error(`the invoice mail lost its marker ${marker}`);
    return skeleton;
  };
  const [plain, directDebit] = await Promise.all([render(false), render(true)]);
  return (to: string, values: InvoiceMailValues, byDirectDebit: boolean): RenderedMail => ({
    communeId,
    to,
    subject: invoiceAvailableSubject(values.reference),
    template: "invoice-available",
    ...fill(byDirectDebit ? directDebit : plain, values),
  });
}
