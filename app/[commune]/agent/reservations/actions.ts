"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { failure, fieldFailure, success } from "@/lib/actions/state";
import { REFUSAL_MESSAGE_REQUIRED } from "@/lib/agents/requests-schemas";
import { staffRoles } from "@/lib/auth/session";
import { describeBookingSlots } from "@/lib/bookings/agent-views";
import { decideBookings } from "@/lib/bookings/decide";
import { bookingDecisionSchema } from "@/lib/bookings/decision-schema";
import { routePatterns } from "@/lib/routes/paths";
import { bookingDecisionReport } from "./decision-report";

/**
 * "Accepter" / "Refuser" the ticked requests of a day. The report sums the outcomes up (a booking accepted on a
 * full day goes to the waiting list) and names each slot: nothing fails silently.
 */
export const decideBookingsAction = userAction(
  { schema: bookingDecisionSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const result = await decideBookings(db, {
      communeId: commune.id,
      agentUserId: user.id,
      bookingIds: input.bookingIds,
      decision: input.decision,
      message: input.message || null,
    });
    if (!result.ok)
      return result.reason === "message_required"
        ? fieldFailure("message", REFUSAL_MESSAGE_REQUIRED)
        : failure("Vous n'avez pas accès à cette action.");
    revalidatePath(routePatterns.bookingInbox, "page");
    const slots = await describeBookingSlots(db, { communeId: commune.id, bookingIds: input.bookingIds });
    const report = bookingDecisionReport(result.results, slots);
    return report.ok ? success(report.text) : failure(report.text);
  },
);
