/** Every sentence the connect flow shows, in one language. */
export interface WidgetText {
  pageTitle: string;
  chooseHeading: string;
  chooseIntro: string;
  connectWith: (provider: string) => string;
  consentHeading: (provider: string) => string;
  consentQuestion: string;
  consentScopes: string;
  allow: string;
  deny: string;
  back: string;
  connectedHeading: string;
  connectedBody: (provider: string) => string;
  cancelledHeading: string;
  cancelledBody: (provider: string) => string;
  sandboxNote: string;
}

const en: WidgetText = {
  pageTitle: 'Connect a device',
  chooseHeading: 'Connect your wearable',
  chooseIntro: 'Choose the service that holds your health data.',
  connectWith: (p) => `Connect ${p}`,
  consentHeading: (p) => `${p} Connect (sandbox)`,
  consentQuestion: 'Allow Terra to read your data?',
  consentScopes: 'Terra will be able to read your activity, sleep, body, daily and nutrition data.',
  allow: 'Allow',
  deny: 'Deny',
  back: 'Choose another service',
  connectedHeading: 'Connected',
  connectedBody: (p) => `Your ${p} account is now connected. You can close this window.`,
  cancelledHeading: 'Connection cancelled',
  cancelledBody: (p) => `Nothing was shared from ${p}. You can close this window.`,
  sandboxNote: 'Terra sandbox: no real account is used.',
};

const es: WidgetText = {
  pageTitle: 'Conectar un dispositivo',
  chooseHeading: 'Conecta tu dispositivo',
  chooseIntro: 'Elige el servicio que guarda tus datos de salud.',
  connectWith: (p) => `Conectar ${p}`,
  consentHeading: (p) => `${p} Connect (sandbox)`,
  consentQuestion: '¿Permitir que Terra lea tus datos?',
  consentScopes: 'Terra podrá leer tus datos de actividad, sueño, cuerpo, diarios y de nutrición.',
  allow: 'Permitir',
  deny: 'Denegar',
  back: 'Elegir otro servicio',
  connectedHeading: 'Conectado',
  connectedBody: (p) => `Tu cuenta de ${p} está conectada. Puedes cerrar esta ventana.`,
  cancelledHeading: 'Conexión cancelada',
  cancelledBody: (p) => `No se compartió nada de ${p}. Puedes cerrar esta ventana.`,
  sandboxNote: 'Sandbox de Terra: no se usa ninguna cuenta real.',
};

const fr: WidgetText = {
  pageTitle: 'Connecter un appareil',
  chooseHeading: 'Connectez votre appareil',
  chooseIntro: 'Choisissez le service qui contient vos données de santé.',
  connectWith: (p) => `Connecter ${p}`,
  consentHeading: (p) => `${p} Connect (sandbox)`,
  consentQuestion: 'Autoriser Terra à lire vos données ?',
  consentScopes:
    'Terra pourra lire vos données d’activité, de sommeil, corporelles, quotidiennes et de nutrition.',
  allow: 'Autoriser',
  deny: 'Refuser',
  back: 'Choisir un autre service',
  connectedHeading: 'Connecté',
  connectedBody: (p) => `Votre compte ${p} est connecté. Vous pouvez fermer cette fenêtre.`,
  cancelledHeading: 'Connexion annulée',
  cancelledBody: (p) => `Rien n’a été partagé depuis ${p}. Vous pouvez fermer cette fenêtre.`,
  sandboxNote: 'Sandbox Terra : aucun vrai compte n’est utilisé.',
};

const de: WidgetText = {
  pageTitle: 'Gerät verbinden',
  chooseHeading: 'Verbinde dein Gerät',
  chooseIntro: 'Wähle den Dienst, der deine Gesundheitsdaten speichert.',
  connectWith: (p) => `${p} verbinden`,
  consentHeading: (p) => `${p} Connect (Sandbox)`,
  consentQuestion: 'Terra erlauben, deine Daten zu lesen?',
  consentScopes: 'Terra kann deine Aktivitäts-, Schlaf-, Körper-, Tages- und Ernährungsdaten lesen.',
  allow: 'Erlauben',
  deny: 'Ablehnen',
  back: 'Anderen Dienst wählen',
  connectedHeading: 'Verbunden',
  connectedBody: (p) => `Dein ${p}-Konto ist verbunden. Du kannst dieses Fenster schließen.`,
  cancelledHeading: 'Verbindung abgebrochen',
  cancelledBody: (p) => `Von ${p} wurde nichts geteilt. Du kannst dieses Fenster schließen.`,
  sandboxNote: 'Terra-Sandbox: Es wird kein echtes Konto verwendet.',
};

const TEXTS: Record<string, WidgetText> = { en, es, fr, de };

/** A language the pages are written in, and its sentences. */
export interface WidgetLanguage {
  /** BCP 47 primary tag used for the page's `lang` attribute (always one we have text for). */
  lang: string;
  text: WidgetText;
}

/**
 * Picks the page language from a session's `language` (`'es'`, `'es-MX'`, `'FR'`); anything we have no
 * text for falls back to English, and the `lang` attribute says English too so screen readers are not misled.
 */
export function widgetLanguage(requested: string | null | undefined): WidgetLanguage {
  const primary = (requested ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const text = TEXTS[primary];
  return text ? { lang: primary, text } : { lang: 'en', text: en };
}
