CREATE TYPE "public"."activity_category" AS ENUM('periscolaire', 'restauration', 'etude', 'loisirs');--> statement-breakpoint
CREATE TYPE "public"."booking_event_kind" AS ENUM('booking_requested', 'absence_requested', 'cancelled', 'accepted', 'waitlisted', 'promoted', 'refused', 'absence_accepted', 'absence_refused');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('requested', 'waiting', 'booked', 'absence_requested', 'absent', 'absent_billed', 'refused', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."closure_kind" AS ENUM('public_holiday', 'school_holiday', 'closure');--> statement-breakpoint
CREATE TYPE "public"."deadline_days_kind" AS ENUM('working', 'calendar');--> statement-breakpoint
CREATE TYPE "public"."enrolment_status" AS ENUM('active', 'waiting');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"code" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"facility" text NOT NULL,
	"category" "activity_category" NOT NULL,
	"weekdays" integer[] NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"color" text NOT NULL,
	"capacity" integer,
	"booking_deadline_days" integer DEFAULT 2 NOT NULL,
	"booking_deadline_time" text DEFAULT '10:00' NOT NULL,
	"cancellation_deadline_days" integer DEFAULT 2 NOT NULL,
	"cancellation_deadline_time" text DEFAULT '10:00' NOT NULL,
	"deadline_days_kind" "deadline_days_kind" DEFAULT 'working' NOT NULL,
	"late_absence_billed" boolean DEFAULT false NOT NULL,
	"auto_accept" boolean DEFAULT false NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_capacity_ck" CHECK ("activities"."capacity" is null or "activities"."capacity" >= 0),
	CONSTRAINT "activities_deadline_days_ck" CHECK ("activities"."booking_deadline_days" >= 0 and "activities"."cancellation_deadline_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "booking_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"request_id" uuid,
	"kind" "booking_event_kind" NOT NULL,
	"side" text NOT NULL,
	"actor_user_id" uuid,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"date" date NOT NULL,
	"status" "booking_status" NOT NULL,
	"request_id" uuid,
	"waiting_since" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"commune_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "closure_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"activity_id" uuid,
	"date" date NOT NULL,
	"kind" "closure_kind" NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "digest_deliveries" (
	"household_id" uuid NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"mail_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_deliveries_household_id_window_end_pk" PRIMARY KEY("household_id","window_end")
);
--> statement-breakpoint
CREATE TABLE "digest_runs" (
	"window_end" timestamp with time zone PRIMARY KEY NOT NULL,
	"mail_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "enrolment_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrolments_period_ck" CHECK ("enrolments"."ends_on" >= "enrolments"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure_days" ADD CONSTRAINT "closure_days_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure_days" ADD CONSTRAINT "closure_days_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_deliveries" ADD CONSTRAINT "digest_deliveries_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_deliveries" ADD CONSTRAINT "digest_deliveries_mail_id_mail_outbox_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."mail_outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_commune_idx" ON "activities" USING btree ("commune_id");--> statement-breakpoint
CREATE INDEX "booking_events_booking_idx" ON "booking_events" USING btree ("booking_id","created_at");--> statement-breakpoint
CREATE INDEX "booking_events_decisions_idx" ON "booking_events" USING btree ("created_at") WHERE "booking_events"."side" <> 'family';--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_child_activity_date_uq" ON "bookings" USING btree ("child_id","activity_id","date");--> statement-breakpoint
CREATE INDEX "bookings_household_date_idx" ON "bookings" USING btree ("household_id","date");--> statement-breakpoint
CREATE INDEX "bookings_activity_date_status_idx" ON "bookings" USING btree ("activity_id","date","status");--> statement-breakpoint
CREATE INDEX "bookings_request_idx" ON "bookings" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "closure_days_commune_date_idx" ON "closure_days" USING btree ("commune_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "closure_days_commune_wide_uq" ON "closure_days" USING btree ("commune_id","date") WHERE "closure_days"."activity_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "closure_days_activity_uq" ON "closure_days" USING btree ("activity_id","date") WHERE "closure_days"."activity_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_child_activity_start_uq" ON "enrolments" USING btree ("child_id","activity_id","starts_on");--> statement-breakpoint
CREATE INDEX "enrolments_household_idx" ON "enrolments" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "enrolments_activity_idx" ON "enrolments" USING btree ("activity_id");