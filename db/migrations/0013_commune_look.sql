CREATE TABLE "commune_logos" (
	"commune_id" uuid PRIMARY KEY NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commune_logos_mime_ck" CHECK ("commune_logos"."mime_type" = 'image/png'),
	CONSTRAINT "commune_logos_size_ck" CHECK ("commune_logos"."size_bytes" > 0 and "commune_logos"."size_bytes" <= 524288)
);
--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "contact_hours" text;--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "mail_sender_name" text;--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "brand_color" text;--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "logo_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "commune_logos" ADD CONSTRAINT "commune_logos_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communes" ADD CONSTRAINT "communes_brand_color_ck" CHECK ("communes"."brand_color" ~ '^#[0-9a-f]{6}$');