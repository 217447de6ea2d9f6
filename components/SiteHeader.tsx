import type { Section } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import { SearchForm } from './SearchForm';

/** Masthead and section navigation. Plain links that wrap on narrow screens: no JavaScript needed. */
export function SiteHeader({ sections }: { sections: Section[] }) {
  return (
    <header className="border-b-4 border-accent bg-paper">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 pt-3 pb-3">
        <div className="flex items-baseline gap-4">
          <a href={routes.home()} className="font-serif text-3xl font-bold tracking-tight no-underline sm:text-4xl">
            Warta
          </a>
          <p className="hidden text-sm text-ink-muted md:block">{t.siteTagline}</p>
        </div>
        <div className="w-full sm:w-72">
          <SearchForm id="cari-header" />
        </div>
      </div>
      <nav aria-label={t.mainNavigation} className="border-t border-rule">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2 text-[0.95rem] font-semibold">
          <li>
            <a href={routes.home()} className="inline-block px-2 py-2.5 hover:underline">
              {t.home}
            </a>
          </li>
          {sections.map((section) => (
            <li key={section.slug}>
              <a href={routes.section(section.slug)} className="inline-block px-2 py-2.5 hover:underline">
                {section.name}
              </a>
            </li>
          ))}
          <li>
            <a href={routes.tags()} className="inline-block px-2 py-2.5 hover:underline">
              {t.topics}
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
