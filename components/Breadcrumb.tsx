import { t } from '@/lib/i18n';

export interface Crumb {
  name: string;
  href: string;
}

/**
 * Home › Section › … ; the last crumb is the current page's parent, so every item is a link.
 * Each link is at least 24 px tall even when a long name wraps (WCAG 2.5.8), whatever the font.
 */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label={t.breadcrumb} className="text-sm font-semibold">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {items.map((item, i) => (
          <li key={item.href} className="flex items-center gap-x-2">
            {i > 0 && (
              <span aria-hidden="true" className="text-ink-muted">
                ›
              </span>
            )}
            <a href={item.href} className={`inline-flex min-h-6 items-center underline-offset-2 hover:underline ${i === items.length - 1 ? 'text-accent' : 'text-ink-muted'}`}>
              {item.name}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
