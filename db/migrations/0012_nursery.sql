CREATE TYPE "public"."nursery_age_group" AS ENUM('bebes', 'moyens', 'grands');--> statement-breakpoint
CREATE TYPE "public"."nursery_application_status" AS ENUM('submitted', 'offered', 'waiting_list', 'accepted', 'declined', 'refused', 'withdrawn', 'lapsed');--> statement-breakpoint
CREATE TYPE "public"."nursery_care_type" AS ENUM('regulier', 'occasionnel', 'urgence');--> statement-breakpoint
CREATE TYPE "public"."nursery_kind" AS ENUM('multi_accueil', 'creche_familiale', 'micro_creche');--> statement-breakpoint
ALTER TYPE "public"."activity_category" ADD VALUE 'petite_enfance';--> statement-breakpoint
CREATE TABLE "nursery_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"child_id" uuid,
	"expected_birth_on" date,
	"unborn_first_name" text,
	"unborn_last_name" text,
	"guardian_situations" jsonb NOT NULL,
	"care_type" "nursery_care_type" NOT NULL,
	"schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"desired_start_on" date NOT NULL,
	"age_group" "nursery_age_group" NOT NULL,
	"wished_structure_ids" uuid[] NOT NULL,
	"comment" text,
	"status" "nursery_application_status" DEFAULT 'submitted' NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"confirmation_reminder_sent_at" timestamp with time zone,
	"commission_on" date,
	"offered_structure_id" uuid,
	"offered_start_on" date,
	"offered_schedule" jsonb,
	"offer_expires_at" timestamp with time zone,
	"waiting_rank" integer,
	"refusal_reason" text,
	"decided_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nursery_applications_request_id_unique" UNIQUE("request_id"),
	CONSTRAINT "nursery_applications_child_ck" CHECK ("nursery_applications"."child_id" is not null or "nursery_applications"."expected_birth_on" is not null),
	CONSTRAINT "nursery_applications_wishes_ck" CHECK (cardinality("nursery_applications"."wished_structure_ids") between 1 and 3),
	CONSTRAINT "nursery_applications_offer_ck" CHECK ("nursery_applications"."status" <> 'offered' or ("nursery_applications"."offered_structure_id" is not null and "nursery_applications"."offer_expires_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "nursery_capacities" (
	"commune_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"age_group" "nursery_age_group" NOT NULL,
	"places" integer NOT NULL,
	CONSTRAINT "nursery_capacities_structure_id_age_group_pk" PRIMARY KEY("structure_id","age_group"),
	CONSTRAINT "nursery_capacities_places_ck" CHECK ("nursery_capacities"."places" >= 0)
);
--> statement-breakpoint
CREATE TABLE "nursery_settings" (
	"commune_id" uuid PRIMARY KEY NOT NULL,
	"offer_response_days" integer DEFAULT 8 NOT NULL,
	"confirmation_months" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nursery_settings_offer_days_ck" CHECK ("nursery_settings"."offer_response_days" between 1 and 60),
	CONSTRAINT "nursery_settings_confirmation_ck" CHECK ("nursery_settings"."confirmation_months" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "nursery_structures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "nursery_kind" NOT NULL,
	"address" text,
	"activity_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "nursery_applications" ADD CONSTRAINT "nursery_applications_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nursery_applications" ADD CONSTRAINT "nursery_applications_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nursery_applications" ADD CONSTRAINT "nursery_applications_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nursery_applications" ADD CONSTRAINT "nursery_applications_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nursery_applications" ADD CONSTRAINT "nursery_applications_offered_structure_id_nursery_structures_id_fk" FOREIGN KEY ("offered_structure_id") REFERENCES "public"."nursery_structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nursery_applications" ADD CONSTRAINT "nursery_applications_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nursery_capacities" ADD CONSTRAINT "nursery_capacities_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nursery_capacities" ADD CONSTRAINT "nursery_capacities_structure_id_nursery_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."nursery_structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nursery_settings" ADD CONSTRAINT "nursery_settings_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nursery_structures" ADD CONSTRAINT "nursery_structures_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nursery_structures" ADD CONSTRAINT "nursery_structures_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nursery_applications_commune_status_idx" ON "nursery_applications" USING btree ("commune_id","status","created_at");--> statement-breakpoint
CREATE INDEX "nursery_applications_household_idx" ON "nursery_applications" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "nursery_applications_offered_idx" ON "nursery_applications" USING btree ("offered_structure_id","age_group","status");--> statement-breakpoint
CREATE UNIQUE INDEX "nursery_structures_commune_name_uq" ON "nursery_structures" USING btree ("commune_id","name");