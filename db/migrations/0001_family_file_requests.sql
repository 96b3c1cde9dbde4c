CREATE TYPE "public"."benefit_scheme" AS ENUM('CAF', 'MSA');--> statement-breakpoint
CREATE TYPE "public"."request_actor_side" AS ENUM('family', 'town');--> statement-breakpoint
CREATE TYPE "public"."request_event_kind" AS ENUM('created', 'transmitted', 'updated', 'accepted', 'refused', 'withdrawn', 'message');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('pending', 'accepted', 'refused', 'withdrawn');--> statement-breakpoint
CREATE TABLE "authorized_adults" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"relationship" text NOT NULL,
	"phone" text,
	"mobile_phone" text,
	"may_pick_up" boolean DEFAULT true NOT NULL,
	"emergency_contact" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_accounts" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"commune_id" uuid NOT NULL,
	"direct_debit" boolean DEFAULT false NOT NULL,
	"iban" text,
	"bic" text,
	"holder_name" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_authorizations" (
	"child_id" uuid PRIMARY KEY NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"photo" boolean DEFAULT false NOT NULL,
	"leave_alone" boolean DEFAULT false NOT NULL,
	"hospitalisation" boolean DEFAULT false NOT NULL,
	"outings_with_staff" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_health" (
	"child_id" uuid PRIMARY KEY NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"food_practices" text[] DEFAULT '{}'::text[] NOT NULL,
	"allergies" text,
	"has_pai" boolean DEFAULT false NOT NULL,
	"pai_details" text,
	"doctor_name" text,
	"doctor_phone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_photos" (
	"child_id" uuid PRIMARY KEY NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "child_photos_mime_ck" CHECK ("child_photos"."mime_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "child_photos_size_ck" CHECK ("child_photos"."size_bytes" > 0 and "child_photos"."size_bytes" <= 1048576)
);
--> statement-breakpoint
CREATE TABLE "child_vaccinations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"name" text NOT NULL,
	"vaccinated_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guardian_preferences" (
	"guardian_id" uuid PRIMARY KEY NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"accepts_email" boolean DEFAULT true NOT NULL,
	"accepts_sms" boolean DEFAULT false NOT NULL,
	"accepts_post" boolean DEFAULT false NOT NULL,
	"invoice_by_post" boolean DEFAULT false NOT NULL,
	"remind_by_email" boolean DEFAULT true NOT NULL,
	"remind_by_sms" boolean DEFAULT false NOT NULL,
	"remind_by_post" boolean DEFAULT false NOT NULL,
	"benefit_scheme" "benefit_scheme",
	"allocataire_number" text,
	"qf_fetch_consent" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_counters" (
	"commune_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "request_counters_commune_id_year_pk" PRIMARY KEY("commune_id","year")
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" "request_event_kind" NOT NULL,
	"actor_user_id" uuid,
	"actor_side" "request_actor_side" NOT NULL,
	"message" text,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid,
	"created_by_user_id" uuid,
	"type" text NOT NULL,
	"reference" text NOT NULL,
	"status" "request_status" DEFAULT 'pending' NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"subject" text,
	"payload" jsonb NOT NULL,
	"before" jsonb,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_message" text,
	"family_unread_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "authorized_adults" ADD CONSTRAINT "authorized_adults_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorized_adults" ADD CONSTRAINT "authorized_adults_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorized_adults" ADD CONSTRAINT "authorized_adults_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD CONSTRAINT "bank_accounts_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD CONSTRAINT "bank_accounts_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_authorizations" ADD CONSTRAINT "child_authorizations_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_authorizations" ADD CONSTRAINT "child_authorizations_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_authorizations" ADD CONSTRAINT "child_authorizations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_health" ADD CONSTRAINT "child_health_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_health" ADD CONSTRAINT "child_health_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_health" ADD CONSTRAINT "child_health_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_photos" ADD CONSTRAINT "child_photos_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_photos" ADD CONSTRAINT "child_photos_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_photos" ADD CONSTRAINT "child_photos_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_vaccinations" ADD CONSTRAINT "child_vaccinations_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_vaccinations" ADD CONSTRAINT "child_vaccinations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_vaccinations" ADD CONSTRAINT "child_vaccinations_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_preferences" ADD CONSTRAINT "guardian_preferences_guardian_id_guardians_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."guardians"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_preferences" ADD CONSTRAINT "guardian_preferences_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_preferences" ADD CONSTRAINT "guardian_preferences_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_counters" ADD CONSTRAINT "request_counters_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "authorized_adults_child_idx" ON "authorized_adults" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "child_vaccinations_child_idx" ON "child_vaccinations" USING btree ("child_id","vaccinated_on");--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_commune_reference_uq" ON "requests" USING btree ("commune_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_one_pending_per_target_uq" ON "requests" USING btree ("household_id","type","target_type","target_id") WHERE "requests"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "requests_one_pending_household_create_uq" ON "requests" USING btree ("created_by_user_id") WHERE "requests"."type" = 'household.create' and "requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "requests_household_created_idx" ON "requests" USING btree ("household_id","created_at");--> statement-breakpoint
CREATE INDEX "requests_commune_status_created_idx" ON "requests" USING btree ("commune_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "guardians_one_benefit_recipient_uq" ON "guardians" USING btree ("household_id") WHERE "guardians"."is_benefit_recipient";