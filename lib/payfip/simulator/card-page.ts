import type { PayfipSimulatorOperation } from "@/db/schema";
import { formatEuros } from "@/lib/format";
import { Html, html } from "@/lib/html";
import { type CardFormErrors, type CardFormValues, MAX_RESULT_DELAY_MINUTES } from "./card-form";

/*
 * The simulator's pages, plain server-side HTML in French: no script (the portal's CSP allows none here, and the
 * real card page is not ours to script), forms posting to this same address. Every value from the database goes
 * through `html`, which escapes it.
 */

export type SimulatorPage = { status: number; body: string };

// A constant of this module, not a value: inserted as is (escaping would break its quotes).
const STYLE = new Html(`
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1rem;
  line-height: 1.5; color: #1e1e1e; background: #f4f6fa; }
.notice { margin: 0; padding: 0.75rem 1rem; background: #fff3b0; border-bottom: 1px solid #8a8a8a; text-align: center;
  font-weight: 600; }
main { max-width: 38rem; margin: 1.5rem auto; padding: 1.5rem; background: #fff; border: 1px solid #8a8a8a;
  border-radius: 6px; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1.5rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.amount { font-size: 1.25rem; font-weight: 700; }
details { margin: 0 0 1.5rem; padding: 0.5rem 1rem; border: 1px solid #8a8a8a; border-radius: 6px; }
summary { cursor: pointer; font-weight: 600; }
.field { margin: 0.75rem 0; }
.field label { display: block; font-weight: 600; }
.hint { margin: 0; color: #4f4f4f; font-size: 0.9rem; }
input { font: inherit; }
.field input { width: 12rem; max-width: 100%; padding: 0.4rem 0.5rem; border: 1px solid #4f4f4f; border-radius: 6px; }
.field input[aria-invalid="true"] { border: 2px solid #b3261e; }
.check { display: flex; gap: 0.5rem; align-items: center; margin: 0.75rem 0; }
.check input { width: 1.2rem; height: 1.2rem; }
.error { margin: 0.25rem 0 0; color: #b3261e; font-weight: 600; }
.error-summary { margin: 0 0 1rem; padding: 0.75rem 1rem; background: #fdecea; border: 2px solid #b3261e;
  border-radius: 6px; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; }
button { font: inherit; font-weight: 600; padding: 0.6rem 1.1rem; border: 2px solid #1d4f91; border-radius: 6px;
  background: #1d4f91; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1d4f91; }
button:hover { background: #143a6b; border-color: #143a6b; color: #fff; }
a { color: #1d4f91; text-underline-offset: 2px; }
:focus-visible { outline: 3px solid #0a76f6; outline-offset: 2px; }
`);

function document(title: string, content: Html): string {
  return html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} – Simulateur PayFiP</title>
<style>${STYLE}</style>
</head>
<body>
<header><p class="notice">Paiement sécurisé — simulateur PayFiP (aucune carte n'est débitée)</p></header>
<main>
${content}
</main>
</body>
</html>
`.markup;
}

/** The card page's address for this idOp: the form posts back to it. */
const cardPageAction = (idOp: string) => `paiementws.web?idop=${encodeURIComponent(idOp)}`;

/** The options block, opened when one of its fields is in error so that the message is seen. */
function options(values: CardFormValues, errors: CardFormErrors): Html {
  const amountError = errors.amount ? html` aria-invalid="true" aria-describedby="montant-erreur"` : "";
  const delayError = errors.delayMinutes ? html` aria-invalid="true" aria-describedby="delai-aide delai-erreur"` : "";
  return html`<details${errors.amount || errors.delayMinutes ? html` open` : ""}>
<summary>Options du simulateur</summary>
<div class="field">
<label for="montant">Montant débité (en euros)</label>
<input id="montant" name="montant" type="text" inputmode="decimal" autocomplete="off" value="${values.amount}"${amountError}>
${errors.amount ? html`<p class="error" id="montant-erreur">${errors.amount}</p>` : ""}
</div>
<div class="field">
<label for="delai">Résultat connu après (minutes)</label>
<p class="hint" id="delai-aide">Jusque-là, le service répond « résultat non connu » (P5), de 0 à ${MAX_RESULT_DELAY_MINUTES} minutes.</p>
<input id="delai" name="delai" type="text" inputmode="numeric" autocomplete="off" value="${values.delayMinutes}"${
    delayError || html` aria-describedby="delai-aide"`
  }>
${errors.delayMinutes ? html`<p class="error" id="delai-erreur">${errors.delayMinutes}</p>` : ""}
</div>
<div class="check">
<input id="deux-notifications" name="deuxNotifications" type="checkbox"${values.notifyTwice ? html` checked` : ""}>
<label for="deux-notifications">Envoyer la notification deux fois</label>
</div>
</details>`;
}

/** The card page of an open operation, with the options as typed and their errors after a refused submission. */
export function cardPage(
  operation: PayfipSimulatorOperation,
  form: { values: CardFormValues; errors: CardFormErrors },
): SimulatorPage {
  const hasErrors = Boolean(form.errors.amount || form.errors.delayMinutes);
  const content = html`<h1>Paiement par carte bancaire</h1>
${
  hasErrors
    ? html`<div class="error-summary"><p><strong>Le paiement n'a pas été fait : corrigez les options du simulateur.</strong></p></div>`
    : ""
}
<dl>
<dt>Numéro de client</dt><dd>${operation.numcli}</dd>
<dt>Référence</dt><dd>${operation.refdet}</dd>
<dt>Objet</dt><dd>${operation.object || "—"}</dd>
<dt>Montant</dt><dd class="amount">${formatEuros(operation.amountCents)}</dd>
</dl>
<form method="post" action="${cardPageAction(operation.idOp)}">
${options(form.values, form.errors)}
<div class="actions">
<button type="submit" name="choix" value="payer">Payer</button>
<button type="submit" name="choix" value="refuser" class="secondary">Refuser</button>
<button type="submit" name="choix" value="abandonner" class="secondary">Abandonner</button>
<button type="submit" name="choix" value="payer-sans-revenir" class="secondary">Payer sans revenir sur le portail</button>
</div>
</form>`;
  return { status: hasErrors ? 400 : 200, body: document("Paiement par carte bancaire", content) };
}

/** A link back to the portal, only to a web address (the simulator checked it when the operation was opened). */
function backToPortal(returnUrl: string | undefined): Html | "" {
  return returnUrl && /^https?:\/\//.test(returnUrl)
    ? html`<p><a href="${returnUrl}">Revenir sur le portail</a></p>`
    : "";
}

const MESSAGES = {
  not_found: { status: 404, title: "Page introuvable", text: "La page demandée n'existe pas." },
  expired: { status: 410, title: "Opération expirée", text: "Cette opération de paiement a expiré." },
  processed: { status: 409, title: "Opération déjà traitée", text: "Cette opération de paiement a déjà été traitée." },
  bad_request: {
    status: 400,
    title: "Demande incorrecte",
    text: "Choisissez l'un des boutons de la page de paiement.",
  },
  paid_without_return: {
    status: 200,
    title: "Paiement effectué",
    text: "Paiement effectué. Vous n'êtes pas revenu sur le portail : il l'apprendra par la notification.",
  },
} as const;

export type SimulatorMessage = keyof typeof MESSAGES;

export function messagePage(message: SimulatorMessage, returnUrl?: string): SimulatorPage {
  const { status, title, text } = MESSAGES[message];
  return { status, body: document(title, html`<h1>${title}</h1>\n<p>${text}</p>\n${backToPortal(returnUrl)}`) };
}
