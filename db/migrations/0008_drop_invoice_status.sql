ALTER TABLE "invoices" DROP COLUMN "status";--> statement-breakpoint
DROP TYPE "public"."invoice_status";