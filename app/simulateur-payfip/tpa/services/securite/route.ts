import { getDb } from "@/lib/db";
import { canUsePayfipSimulator } from "@/lib/payfip/simulator/access";
import { handleSimulatorSoap } from "@/lib/payfip/simulator/service";

export const dynamic = "force-dynamic";

/**
 * The PayFiP simulator's web service (creerPaiementSecurise, recupererDetailPaiementSecurise), for a régie whose
 * service address is this portal's simulator. The portal calls it from the server itself, a loopback client.
 */
export async function POST(request: Request): Promise<Response> {
  if (!(await canUsePayfipSimulator()))
    return new Response("Introuvable", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { status, body } = await handleSimulatorSoap(await getDb(), await request.text());
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store" },
  });
}
