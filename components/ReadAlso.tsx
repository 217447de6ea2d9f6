import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';

/** The "Baca Juga" block an editor places in a story with ::baca-juga{slug="…"}. */
export function ReadAlso({ slug, title }: { slug: string; title: string }) {
  return (
    <aside aria-label={t.readAlso} className="read-also not-italic border-y border-rule py-3 font-sans no-print">
      <p className="text-xs font-bold tracking-wider text-accent uppercase">{t.readAlso}</p>
      <p className="mt-1 text-lg leading-snug font-bold">
        <a href={routes.article(slug)} className="!text-ink !no-underline hover:!underline">
          {title}
        </a>
      </p>
    </aside>
  );
}
