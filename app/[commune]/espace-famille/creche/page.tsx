import { notFound } from "next/navigation";

/** Placeholder of issue #13 (pré-inscription en crèche), built on its branch. */
export default function Page() {
  notFound();
}
