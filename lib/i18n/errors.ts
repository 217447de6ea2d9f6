import type { Messages } from './types';

/** The strings the client-side error pages need, per locale; id.ts and en.ts include them. */
export type ErrorMessages = Pick<Messages, 'htmlLang' | 'errorTitle' | 'errorBody' | 'tryAgain' | 'backHome'>;

export const idErrors: ErrorMessages = {
  htmlLang: 'id',
  errorTitle: 'Terjadi kesalahan',
  errorBody: 'Maaf, halaman ini gagal dimuat. Silakan coba lagi sebentar lagi.',
  tryAgain: 'Coba lagi',
  backHome: 'Kembali ke beranda',
};

export const enErrors: ErrorMessages = {
  htmlLang: 'en',
  errorTitle: 'Something went wrong',
  errorBody: 'Sorry, this page failed to load. Please try again in a moment.',
  tryAgain: 'Try again',
  backHome: 'Back to the home page',
};

/**
 * For app/error.tsx and app/global-error.tsx, which run in the browser: importing the full
 * locale modules would ship every UI string, in both languages, to every reader.
 * WARTA_LOCALE is inlined at build time (next.config.js).
 */
// The error pages run in the browser: WARTA_LOCALE is inlined there at build (next.config.js), so
// it is read as written here rather than through lib/env.ts, which is server code.
export const errorMessages: ErrorMessages = process.env.WARTA_LOCALE === 'en' ? enErrors : idErrors;
