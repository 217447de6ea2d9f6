'use client';

// Shown only when the root layout itself fails; it replaces the whole document, so it carries
// its own <html> and minimal styles (the site stylesheet may be what failed).
import { errorMessages as t } from '@/lib/i18n/errors';

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang={t.htmlLang}>
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '3rem auto', padding: '0 1rem', lineHeight: 1.5 }}>
        <h1>{t.errorTitle}</h1>
        <p>{t.errorBody}</p>
        <p>
          <button type="button" onClick={reset} style={{ padding: '0.6rem 1.2rem', fontSize: '1rem' }}>
            {t.tryAgain}
          </button>{' '}
          <a href="/">{t.backHome}</a>
        </p>
      </body>
    </html>
  );
}
