import type { TagExplainer as Explainer } from '@/lib/content';
import { t } from '@/lib/i18n';
import { Timestamp } from './Timestamp';

/**
 * "Yang perlu Anda ketahui": the editor's key facts and questions on a tag, at the top of its page
 * and its timeline. Answers are <details>, so they open without JavaScript and stay out of the way.
 */
export function TagExplainer({ explainer }: { explainer: Explainer }) {
  return (
    <section aria-labelledby="explainer-heading" className="mt-6 max-w-3xl rounded border-l-4 border-accent bg-paper-muted p-4 sm:p-6">
      <h2 id="explainer-heading" className="font-serif text-2xl font-bold">
        {t.explainerTitle}
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        {t.updated} <Timestamp iso={explainer.updatedAt} format="date" />
      </p>
      <h3 className="mt-4 text-sm font-bold tracking-wider uppercase">{t.explainerFacts}</h3>
      <ul className="mt-2 list-disc space-y-2 pl-5">
        {/* A fixed list as written: its index is its identity (two facts may read the same). */}
        {explainer.facts.map((fact, i) => (
          <li key={i}>{fact}</li>
        ))}
      </ul>
      <h3 className="mt-5 text-sm font-bold tracking-wider uppercase">{t.explainerQuestions}</h3>
      <div className="mt-2 divide-y divide-rule border-y border-rule">
        {explainer.questions.map(({ question, answer }, i) => (
          <details key={i}>
            <summary className="cursor-pointer py-3 font-semibold">{question}</summary>
            <p className="pb-3">{answer}</p>
          </details>
        ))}
      </div>
    </section>
  );
}
