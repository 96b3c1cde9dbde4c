import { z } from "zod";
import type { InvoiceStatusFilter } from "@/lib/billing/agent-invoices";
import { searchQuery } from "@/lib/validation/fields";

/** The list's "État" filter, with the guides' words. */
export const INVOICE_STATUS_FILTERS: Record<InvoiceStatusFilter, string> = {
  all: "Toutes",
  open: "Reste à payer",
  to_pay: "À payer",
  partially_paid: "Partiellement payées",
  paid: "Payées",
  direct_debit: "Prélèvement",
  treasury: "Transmises en trésorerie",
  cancelled: "Annulées par avoir",
};

const statusCodes = Object.keys(INVOICE_STATUS_FILTERS) as [InvoiceStatusFilter, ...InvoiceStatusFilter[]];

/** The invoices list's query string; anything malformed falls back to its default (never an error page). */
export const invoiceSearchParams = z.object({
  q: searchQuery(),
  etat: z.enum(statusCodes).catch("all"),
  famille: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
