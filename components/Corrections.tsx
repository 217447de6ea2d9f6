import { t } from '@/lib/i18n';
import { Timestamp } from './Timestamp';

/** The correction box at the foot of a story: each correction with its date, oldest first. */
export function Corrections({ corrections }: { corrections: { date: string; text: string }[] }) {
  if (corrections.length === 0) return null;
  return (
    <section aria-labelledby="corrections-heading" className="mt-8 max-w-[38rem] rounded border-l-4 border-accent bg-paper-muted p-4">
      <h2 id="corrections-heading" className="text-sm font-bold tracking-wider uppercase">
        {t.corrections}
      </h2>
      <p className="mt-1 text-sm text-ink-muted">{t.correctionIntro}</p>
      <ul className="mt-3 space-y-3">
        {corrections.map((c) => (
          <li key={c.date + c.text}>
            <p className="text-sm font-semibold">
              <Timestamp iso={c.date} />
            </p>
            <p className="mt-0.5">{c.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
