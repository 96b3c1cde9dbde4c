CREATE TYPE "public"."invoice_line_kind" AS ENUM('slot', 'late_absence', 'regularisation');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('card_online', 'cheque', 'cash', 'direct_debit', 'cesu', 'transfer');--> statement-breakpoint
CREATE TABLE "billing_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"regie_id" uuid NOT NULL,
	"period" date NOT NULL,
	"emission_code" text NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"invoice_count" integer DEFAULT 0 NOT NULL,
	"total_cents" integer DEFAULT 0 NOT NULL,
	"issued_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"issued_on" date NOT NULL,
	"amount_cents" integer NOT NULL,
	"reason" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_notes_amount_ck" CHECK ("credit_notes"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"child_id" uuid,
	"child_name" text NOT NULL,
	"activity_id" uuid,
	"activity_label" text NOT NULL,
	"nature_id" uuid,
	"month" date NOT NULL,
	"kind" "invoice_line_kind" NOT NULL,
	"quantity" integer NOT NULL,
	"unit_cents" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"note" text,
	CONSTRAINT "invoice_lines_amount_ck" CHECK ("invoice_lines"."amount_cents" = "invoice_lines"."quantity" * "invoice_lines"."unit_cents")
);
--> statement-breakpoint
CREATE TABLE "invoice_natures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"regie_id" uuid NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_counters" (
	"commune_id" uuid NOT NULL,
	"series" text NOT NULL,
	"last" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "number_counters_commune_id_series_pk" PRIMARY KEY("commune_id","series")
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"payment_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	CONSTRAINT "payment_allocations_payment_id_invoice_id_pk" PRIMARY KEY("payment_id","invoice_id"),
	CONSTRAINT "payment_allocations_amount_ck" CHECK ("payment_allocations"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"operation_number" text NOT NULL,
	"method" "payment_method" NOT NULL,
	"received_on" date NOT NULL,
	"description" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"idempotency_key" text,
	"external_reference" text,
	"recorded_by_user_id" uuid,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_user_id" uuid,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_ck" CHECK ("payments"."amount_cents" > 0),
	CONSTRAINT "payments_cancel_reason_ck" CHECK ("payments"."cancelled_at" is null or "payments"."cancel_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "regies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"payfip_client_number" text,
	"due_days" integer DEFAULT 20 NOT NULL,
	"treasury_delay_days" integer DEFAULT 30 NOT NULL,
	"payment_instructions" text DEFAULT '' NOT NULL,
	"treasury_contact" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regies_delays_ck" CHECK ("regies"."due_days" >= 0 and "regies"."treasury_delay_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tariffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"brackets" jsonb NOT NULL,
	"default_unit_cents" integer NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tariffs_default_ck" CHECK ("tariffs"."default_unit_cents" >= 0)
);
--> statement-breakpoint
DROP INDEX "invoices_household_idx";--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "regie_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "run_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "payer_name" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "payer_address" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "period" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "paid_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "direct_debit_on" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "treasury_on" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "cancelled_on" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "nature_id" uuid;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_regie_id_regies_id_fk" FOREIGN KEY ("regie_id") REFERENCES "public"."regies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_issued_by_user_id_users_id_fk" FOREIGN KEY ("issued_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_nature_id_invoice_natures_id_fk" FOREIGN KEY ("nature_id") REFERENCES "public"."invoice_natures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_natures" ADD CONSTRAINT "invoice_natures_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_natures" ADD CONSTRAINT "invoice_natures_regie_id_regies_id_fk" FOREIGN KEY ("regie_id") REFERENCES "public"."regies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_counters" ADD CONSTRAINT "number_counters_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_cancelled_by_user_id_users_id_fk" FOREIGN KEY ("cancelled_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regies" ADD CONSTRAINT "regies_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_runs_regie_period_uq" ON "billing_runs" USING btree ("regie_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_notes_invoice_uq" ON "credit_notes" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_notes_commune_reference_uq" ON "credit_notes" USING btree ("commune_id","reference");--> statement-breakpoint
CREATE INDEX "credit_notes_household_idx" ON "credit_notes" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_household_month_idx" ON "invoice_lines" USING btree ("household_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_natures_commune_label_uq" ON "invoice_natures" USING btree ("commune_id","label");--> statement-breakpoint
CREATE INDEX "payment_allocations_invoice_idx" ON "payment_allocations" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_commune_operation_uq" ON "payments" USING btree ("commune_id","operation_number");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_commune_idempotency_uq" ON "payments" USING btree ("commune_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_commune_external_uq" ON "payments" USING btree ("commune_id","external_reference");--> statement-breakpoint
CREATE INDEX "payments_household_idx" ON "payments" USING btree ("household_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "regies_commune_code_uq" ON "regies" USING btree ("commune_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "tariffs_activity_valid_from_uq" ON "tariffs" USING btree ("activity_id","valid_from");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_regie_id_regies_id_fk" FOREIGN KEY ("regie_id") REFERENCES "public"."regies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_run_id_billing_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."billing_runs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_nature_id_invoice_natures_id_fk" FOREIGN KEY ("nature_id") REFERENCES "public"."invoice_natures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_commune_reference_uq" ON "invoices" USING btree ("commune_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_run_household_uq" ON "invoices" USING btree ("run_id","household_id") WHERE "invoices"."run_id" is not null;--> statement-breakpoint
CREATE INDEX "invoices_household_issued_idx" ON "invoices" USING btree ("household_id","issued_on");--> statement-breakpoint
CREATE INDEX "invoices_commune_due_idx" ON "invoices" USING btree ("commune_id","due_on");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_paid_ck" CHECK ("invoices"."paid_cents" >= 0 and "invoices"."paid_cents" <= "invoices"."amount_cents");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_amount_ck" CHECK ("invoices"."amount_cents" > 0);