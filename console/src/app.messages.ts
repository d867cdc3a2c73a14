import type { Locale } from './i18n';

/** Messages of the console's frame: access to pages by role. */
export const APP_MESSAGES: Record<Locale, { signInToOpen: string; notAllowed: string }> = {
  fi: {
    signInToOpen: 'Kirjaudu sisään avataksesi tämän sivun.',
    notAllowed: 'Roolisi eivät salli tätä sivua.',
  },
  sv: {
    signInToOpen: 'Logga in för att öppna den här sidan.',
    notAllowed: 'Dina roller tillåter inte den här sidan.',
  },
  en: {
    signInToOpen: 'Sign in to open this page.',
    notAllowed: 'Your roles do not allow this page.',
  },
};
