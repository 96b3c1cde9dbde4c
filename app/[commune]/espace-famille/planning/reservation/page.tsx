import type { Metadata } from "next";
import { PERIOD_PAGES, type PeriodPageProps, PeriodRequestPage } from "../_period/period-page";

export const metadata: Metadata = { title: PERIOD_PAGES.booking.title };

/** "Réservations": a booking request over a period. */
export default function BookingPeriodPage(props: PeriodPageProps) {
  return <PeriodRequestPage {...props} kind="booking" />;
}
