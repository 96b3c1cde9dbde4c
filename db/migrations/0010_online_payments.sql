CREATE TYPE "public"."payfip_mode" AS ENUM('T', 'X', 'W');--> statement-breakpoint
CREATE TYPE "public"."online_payment_flag" AS ENUM('amount_mismatch', 'not_recorded');--> statement-breakpoint
CREATE TYPE "public"."online_payment_state" AS ENUM('opening', 'open', 'paid', 'refused', 'cancelled', 'expired', 'failed');--> statement-breakpoint
CREATE TABLE "online_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"regie_id" uuid NOT NULL,
	"started_by_user_id" uuid,
	"id_op" text,
	"refdet" text NOT NULL,
	"exer" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"email" text NOT NULL,
	"mode" "payfip_mode" NOT NULL,
	"state" "online_payment_state" DEFAULT 'opening' NOT NULL,
	"result_code" text,
	"authorization_number" text,
	"paid_cents" integer,
	"paid_at" timestamp with time zone,
	"payment_id" uuid,
	"flag" "online_payment_flag",
	"flag_resolved_at" timestamp with time zone,
	"flag_resolved_by_user_id" uuid,
	"last_error" text,
	"check_count" integer DEFAULT 0 NOT NULL,
	"last_checked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "online_payments_amount_ck" CHECK ("online_payments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "payfip_simulator_operations" (
	"id_op" text PRIMARY KEY NOT NULL,
	"numcli" text NOT NULL,
	"exer" text NOT NULL,
	"refdet" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"email" text NOT NULL,
	"object" text DEFAULT '' NOT NULL,
	"mode" text NOT NULL,
	"notification_url" text NOT NULL,
	"return_url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"result_code" text,
	"paid_cents" integer,
	"authorization_number" text,
	"decided_at" timestamp with time zone,
	"result_known_at" timestamp with time zone,
	"notifications_sent" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "regies" ADD COLUMN "payfip_mode" "payfip_mode" DEFAULT 'T' NOT NULL;--> statement-breakpoint
ALTER TABLE "regies" ADD COLUMN "payfip_service_url" text DEFAULT 'https://www.payfip.gouv.fr/tpa' NOT NULL;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_regie_id_regies_id_fk" FOREIGN KEY ("regie_id") REFERENCES "public"."regies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_started_by_user_id_users_id_fk" FOREIGN KEY ("started_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_flag_resolved_by_user_id_users_id_fk" FOREIGN KEY ("flag_resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "online_payments_id_op_uq" ON "online_payments" USING btree ("id_op");--> statement-breakpoint
CREATE UNIQUE INDEX "online_payments_one_open_uq" ON "online_payments" USING btree ("invoice_id") WHERE "online_payments"."state" in ('opening', 'open');--> statement-breakpoint
CREATE INDEX "online_payments_commune_idx" ON "online_payments" USING btree ("commune_id","created_at");--> statement-breakpoint
CREATE INDEX "online_payments_household_idx" ON "online_payments" USING btree ("household_id","created_at");--> statement-breakpoint
CREATE INDEX "online_payments_pending_idx" ON "online_payments" USING btree ("created_at") WHERE "online_payments"."state" in ('opening', 'open');