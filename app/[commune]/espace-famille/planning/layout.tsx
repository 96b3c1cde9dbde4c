import type { ReactNode } from "react";
import "react-big-calendar/lib/css/react-big-calendar.css";

/** react-big-calendar's stylesheet, loaded only on the planning's pages. */
export default function PlanningLayout({ children }: { children: ReactNode }) {
  return children;
}
