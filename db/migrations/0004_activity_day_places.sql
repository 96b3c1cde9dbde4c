CREATE TABLE "activity_day_places" (
	"commune_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"date" date NOT NULL,
	"taken" integer NOT NULL,
	CONSTRAINT "activity_day_places_activity_id_date_pk" PRIMARY KEY("activity_id","date"),
	CONSTRAINT "activity_day_places_taken_ck" CHECK ("activity_day_places"."taken" >= 0)
);
--> statement-breakpoint
ALTER TABLE "activity_day_places" ADD CONSTRAINT "activity_day_places_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_day_places" ADD CONSTRAINT "activity_day_places_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;