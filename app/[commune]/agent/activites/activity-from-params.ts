import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { Activity } from "@/db/schema";
import { findActivity } from "@/lib/activities/activities";
import { getDb } from "@/lib/db";

/** The activity named in the URL, if it is of this commune; anything else (malformed, another commune's) is a 404. */
export async function activityFromParams(communeId: string, id: string): Promise<Activity> {
  const activityId = z.uuid().safeParse(id);
  if (!activityId.success) notFound();
  const activity = await findActivity(await getDb(), { communeId, activityId: activityId.data });
  if (!activity) notFound();
  return activity;
}
