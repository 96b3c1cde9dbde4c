import type { Metadata } from "next";
import { PERIOD_PAGES, type PeriodPageProps, PeriodRequestPage } from "../_period/period-page";

export const metadata: Metadata = { title: PERIOD_PAGES.absence.title };

/** "Absences": an absence request over a period (on booked days). */
export default function AbsencePeriodPage(props: PeriodPageProps) {
  return <PeriodRequestPage {...props} kind="absence" />;
}
