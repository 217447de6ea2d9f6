import type { Metadata } from 'next';
import { TagList } from '@/components/TagList';
import { getContent } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';

export const metadata: Metadata = { title: t.notFoundTitle, robots: { index: false } };

export default function NotFound() {
  const content = getContent();
  return (
    <div className="mx-auto max-w-2xl py-10">
      <p className="text-sm font-bold tracking-wider text-accent uppercase">404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">{t.notFoundTitle}</h1>
      <p className="mt-4 text-lg text-ink-muted">{t.notFoundBody}</p>
      <p className="mt-6">
        <a href={routes.home()} className="inline-block rounded bg-accent px-5 py-3 font-semibold text-accent-ink">
          {t.backHome}
        </a>
      </p>
      <h2 className="mt-10 mb-3 text-sm font-bold tracking-wider uppercase">{t.popularTopics}</h2>
      <TagList tags={content.popularTags(8)} label={t.popularTopics} />
    </div>
  );
}
