import type { Section } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';

export function SiteFooter({ sections, year }: { sections: Section[]; year: number }) {
  return (
    <footer className="mt-16 border-t border-rule bg-paper-muted">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm sm:grid-cols-2">
        <div>
          <p className="font-serif text-2xl font-bold">Warta</p>
          <p className="mt-2 max-w-prose text-ink-muted">{t.footerAbout}</p>
          <p className="mt-4 text-ink-muted">{t.copyright(year)}</p>
        </div>
        <nav aria-label={t.sections}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {sections.map((section) => (
              <li key={section.slug}>
                <a href={routes.section(section.slug)} className="underline underline-offset-2">
                  {section.name}
                </a>
              </li>
            ))}
            <li>
              <a href={routes.tags()} className="underline underline-offset-2">
                {t.allTopics}
              </a>
            </li>
            <li>
              <a href={routes.rss()} className="underline underline-offset-2">
                {t.feeds}
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
