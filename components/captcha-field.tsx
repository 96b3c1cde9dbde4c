"use client";

import type { AltchaWidgetElement } from "altcha";
import type {} from "altcha/types/react";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { CAPTCHA_FIELD } from "@/lib/captcha/field";
import { routes } from "@/lib/routes/paths";

/** The widget's French texts (its own "fr" minus the third-party footer link, which is hidden anyway). */
const frenchStrings = {
  ariaLinkLabel: "Altcha (site officiel)",
  cancel: "Annuler",
  enterCode: "Entrez le code",
  enterCodeAria: "Entrez le code que vous entendez. Appuyez sur Espace pour écouter l'audio.",
  enterCodeFromImage: "Pour continuer, veuillez entrer le code de l'image ci-dessous.",
  error: "Échec de la vérification. Réessayez plus tard.",
  expired: "La vérification a expiré. Cochez de nouveau la case.",
  footer: "",
  getAudioChallenge: "Obtenir un défi audio",
  label: "Je ne suis pas un robot",
  loading: "Chargement…",
  reload: "Recharger",
  verificationRequired: "Vérification requise !",
  verified: "Vérifié",
  verifying: "Vérification en cours…",
  verify: "Vérifier",
  waitAlert: "Vérification en cours… veuillez patienter.",
};

// Starts solving as soon as the person is in the form, so it is usually done before they submit.
const widgetConfiguration = JSON.stringify({ hideFooter: true, hideLogo: true, minDuration: 300 });

/** Loads the custom element once (it touches `window`, so never during server rendering). */
let widgetLoaded: Promise<void> | undefined;
function loadWidget(): Promise<void> {
  widgetLoaded ??= import("altcha").then(() => globalThis.$altcha.i18n.set("fr", frenchStrings));
  return widgetLoaded;
}

type Props = {
  /** Receives the payload once the proof of work is done, "" when it is reset or expires. */
  onChange: (payload: string) => void;
  error?: string;
  /** Any new value resets the widget: each server answer has spent the previous payload. */
  resetKey: unknown;
};

/**
 * "Je ne suis pas un robot": a self-hosted ALTCHA proof of work (no third party, no cookie). The widget puts its
 * payload in a hidden `captcha` input of the enclosing form; its checkbox is a native, keyboard-usable input.
 */
export function CaptchaField({ onChange, error, resetKey }: Props) {
  const errorId = useId();
  const widgetRef = useRef<AltchaWidgetElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let active = true;
    loadWidget().then(() => active && setReady(true));
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    const widget = widgetRef.current;
    if (!ready || !widget) return;
    const onVerified = (event: Event) => onChange((event as CustomEvent<{ payload: string }>).detail.payload);
    const onStateChange = (event: Event) => {
      if ((event as CustomEvent<{ state: string }>).detail.state !== "verified") onChange("");
    };
    widget.addEventListener("verified", onVerified);
    widget.addEventListener("statechange", onStateChange);
    return () => {
      widget.removeEventListener("verified", onVerified);
      widget.removeEventListener("statechange", onStateChange);
    };
  }, [ready, onChange]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new resetKey (a failed submit) is what asks for a fresh challenge.
  useEffect(() => {
    widgetRef.current?.reset?.();
  }, [resetKey]);

  // Ties the error to the widget's own checkbox, as the form kit does for its fields.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the checkbox exists only once the widget is ready.
  useEffect(() => {
    const checkbox = widgetRef.current?.querySelector('input[type="checkbox"]');
    if (!checkbox) return;
    if (error) {
      checkbox.setAttribute("aria-describedby", errorId);
      checkbox.setAttribute("aria-invalid", "true");
    } else {
      checkbox.removeAttribute("aria-describedby");
      checkbox.removeAttribute("aria-invalid");
    }
  }, [ready, error, errorId]);

  return (
    <div className={`field${error ? " field--error" : ""}`}>
      {ready ? (
        <altcha-widget
          ref={widgetRef}
          challenge={routes.captchaChallenge()}
          name={CAPTCHA_FIELD}
          language="fr"
          auto="onfocus"
          configuration={widgetConfiguration}
        />
      ) : (
        <p className="field__hint">Chargement de la vérification « Je ne suis pas un robot »…</p>
      )}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type CaptchaForm = {
  setValue: (name: "captcha", value: string, options?: { shouldValidate?: boolean }) => void;
  formState: { isSubmitted: boolean };
};

/** Feeds the widget's payload to the form's `captcha` field; re-validates only to clear a shown error (a reset after a server answer must not flash one). */
export function useCaptchaInput(form: CaptchaForm) {
  const { setValue } = form;
  return useCallback(
    (payload: string) => setValue("captcha", payload, { shouldValidate: payload !== "" && form.formState.isSubmitted }),
    [setValue, form],
  );
}
