CREATE TYPE "public"."document_audience" AS ENUM('household', 'child', 'request');--> statement-breakpoint
CREATE TYPE "public"."document_state" AS ENUM('pending', 'validated', 'refused', 'replaced');--> statement-breakpoint
CREATE TABLE "document_blob_chunks" (
	"key" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "document_blob_chunks_key_seq_pk" PRIMARY KEY("key","seq")
);
--> statement-breakpoint
CREATE TABLE "document_blobs" (
	"key" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"size_bytes" integer NOT NULL,
	"chunk_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_settings" (
	"commune_id" uuid PRIMARY KEY NOT NULL,
	"retention_months" integer DEFAULT 24 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_settings_retention_ck" CHECK ("document_settings"."retention_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "document_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"description" text,
	"audience" "document_audience" NOT NULL,
	"request_type" text,
	"required" boolean DEFAULT true NOT NULL,
	"validity_months" integer,
	"is_health" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_types_request_ck" CHECK (("document_types"."audience" = 'request') = ("document_types"."request_type" is not null)),
	CONSTRAINT "document_types_validity_ck" CHECK ("document_types"."validity_months" is null or "document_types"."validity_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid,
	"child_id" uuid,
	"type_id" uuid NOT NULL,
	"request_id" uuid,
	"uploaded_by_user_id" uuid,
	"state" "document_state" DEFAULT 'pending' NOT NULL,
	"storage_key" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"page_count" integer,
	"sha256" text NOT NULL,
	"expires_on" date,
	"reviewed_by_user_id" uuid,
	"reviewed_at" timestamp with time zone,
	"refusal_reason" text,
	"expiry_reminder_sent_at" timestamp with time zone,
	"replaced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_size_ck" CHECK ("documents"."size_bytes" > 0 and "documents"."size_bytes" <= 10485760),
	CONSTRAINT "documents_refusal_ck" CHECK ("documents"."state" <> 'refused' or "documents"."refusal_reason" is not null),
	CONSTRAINT "documents_reviewed_ck" CHECK ("documents"."state" not in ('validated', 'refused') or "documents"."reviewed_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "justification_document_id" uuid;--> statement-breakpoint
ALTER TABLE "document_blob_chunks" ADD CONSTRAINT "document_blob_chunks_key_document_blobs_key_fk" FOREIGN KEY ("key") REFERENCES "public"."document_blobs"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_blobs" ADD CONSTRAINT "document_blobs_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_settings" ADD CONSTRAINT "document_settings_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_types" ADD CONSTRAINT "document_types_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_type_id_document_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."document_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_types_commune_code_uq" ON "document_types" USING btree ("commune_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_one_current_uq" ON "documents" USING btree (coalesce("household_id", "uploaded_by_user_id"),"type_id",coalesce("child_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("request_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "documents"."state" <> 'replaced';--> statement-breakpoint
CREATE INDEX "documents_commune_state_created_idx" ON "documents" USING btree ("commune_id","state","created_at");--> statement-breakpoint
CREATE INDEX "documents_household_idx" ON "documents" USING btree ("household_id","type_id");--> statement-breakpoint
CREATE INDEX "documents_request_idx" ON "documents" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "documents_expiry_idx" ON "documents" USING btree ("expires_on") WHERE "documents"."state" = 'validated';--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_justification_document_id_documents_id_fk" FOREIGN KEY ("justification_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;