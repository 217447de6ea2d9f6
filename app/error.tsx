'use client';

// An error boundary must be a client component (Next.js requirement); it only renders text and a retry.
import { useEffect } from 'react';
import { errorMessages as t } from '@/lib/i18n/errors';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-2xl py-10">
      <h1 className="font-serif text-4xl font-bold">{t.errorTitle}</h1>
      <p className="mt-4 text-lg text-ink-muted">{t.errorBody}</p>
      <p className="mt-6 flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="rounded bg-accent px-5 py-3 font-semibold text-accent-ink">
          {t.tryAgain}
        </button>
        <a href="/" className="rounded border border-rule px-5 py-3 font-semibold">
          {t.backHome}
        </a>
      </p>
    </div>
  );
}
