import type { Section } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import { SearchForm } from './SearchForm';

/**
 * Masthead and section navigation, with no JavaScript. On a phone it stays two short rows, so a
 * story's headline starts high on the screen: the logo with a link to the search page (which has
 * the form), and the sections in one row that scrolls sideways inside itself — the page never
 * does. From `sm` up the search form sits in the masthead.
 */
export function SiteHeader({ sections }: { sections: Section[] }) {
  const links = [
    { href: routes.home(), label: t.home },
    ...sections.map((section) => ({ href: routes.section(section.slug), label: section.name })),
    { href: routes.tags(), label: t.topics },
  ];
  return (
    <header className="border-b-4 border-accent bg-paper">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-x-6 px-4 py-1.5 sm:py-3">
        <div className="flex items-baseline gap-4">
          <a href={routes.home()} className="inline-block py-1 font-serif text-3xl font-bold tracking-tight no-underline sm:text-4xl">
            Warta
          </a>
          <p className="hidden text-sm text-ink-muted md:block">{t.siteTagline}</p>
        </div>
        <a href={routes.search()} className="inline-flex min-h-11 items-center gap-1.5 px-2 font-semibold sm:hidden">
          <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2.2">
            <circle cx="8.5" cy="8.5" r="6" />
            <path d="M13 13l5 5" strokeLinecap="round" />
          </svg>
          {t.search}
        </a>
        <div className="hidden w-72 sm:block">
          <SearchForm id="cari-header" />
        </div>
      </div>
      <nav aria-label={t.mainNavigation} className="border-t border-rule">
        <ul className="nav-scroll mx-auto flex max-w-6xl gap-x-1 overflow-x-auto px-2 text-[0.95rem] font-semibold whitespace-nowrap sm:flex-wrap sm:overflow-visible">
          {links.map((link) => (
            <li key={link.href} className="shrink-0">
              <a href={link.href} className="inline-block px-2 py-2.5 hover:underline">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
