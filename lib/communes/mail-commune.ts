import "server-only";
import { type Commune, communes } from "@/db/schema";
import type { MailCommune } from "@/emails/mail-layout";
import { routes } from "@/lib/routes/paths";
import { absoluteUrl } from "@/lib/urls";

/** The commune's columns every mail needs (frame, contact block, logo, links): one selection for every sender. */
export const mailCommuneColumns = {
  slug: communes.slug,
  name: communes.name,
  serviceSignature: communes.serviceSignature,
  contactEmail: communes.contactEmail,
  contactPhone: communes.contactPhone,
  contactAddress: communes.contactAddress,
  contactHours: communes.contactHours,
  brandColor: communes.brandColor,
  logoUpdatedAt: communes.logoUpdatedAt,
};

export type MailCommuneRow = Pick<Commune, keyof typeof mailCommuneColumns>;

/** What the templates take from those columns (a whole Commune row does too), with the slug their links need. */
export function mailCommune(row: MailCommuneRow): MailCommune & { slug: string } {
  return {
    slug: row.slug,
    name: row.name,
    serviceSignature: row.serviceSignature,
    contact: {
      phone: row.contactPhone,
      hours: row.contactHours,
      address: row.contactAddress,
      email: row.contactEmail,
    },
    logoUrl: row.logoUpdatedAt ? absoluteUrl(routes.communeLogo(row.slug, row.logoUpdatedAt)) : null,
    brandColor: row.brandColor,
  };
}
