import { t } from '@/lib/i18n';

/**
 * The page numbers a pagination bar shows: the first and last pages, and the current page with
 * `around` neighbours on each side; null marks a gap of two or more pages ("…"). A gap of one page
 * shows that page instead, since a number is as short as the ellipsis. A tag with 23,000 stories
 * has 1,150 pages: listing every one put 1,150 links on each of its pages.
 */
export function pageWindow(page: number, totalPages: number, around = 1): (number | null)[] {
  const shown = [1, totalPages];
  for (let p = Math.max(1, page - around); p <= Math.min(totalPages, page + around); p++) shown.push(p);
  const out: (number | null)[] = [];
  let last = 0;
  for (const p of [...new Set(shown)].sort((a, b) => a - b)) {
    if (p - last === 2) out.push(last + 1);
    else if (p - last > 2) out.push(null);
    out.push(p);
    last = p;
  }
  return out;
}

/** Previous/next and numbered links to stable page URLs; the current page is marked for screen readers. */
export function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  if (totalPages <= 1) return null;
  const linkClass = 'inline-flex min-w-11 min-h-11 items-center justify-center rounded border border-rule px-3 font-semibold hover:border-accent';
  return (
    <nav aria-label={t.pagination} className="mt-8 flex flex-wrap items-center gap-2">
      {/* Short visible words keep the bar on one line in the 720 px listing column; the accessible
          names stay in full and contain them (WCAG 2.5.3, label in name). */}
      {page > 1 && (
        <a href={hrefFor(page - 1)} rel="prev" className={linkClass} aria-label={t.previousPage}>
          ‹ {t.previousShort}
        </a>
      )}
      <ul className="flex flex-wrap gap-2">
        {pageWindow(page, totalPages).map((p, i) => (
          <li key={p ?? `gap-${i}`}>
            {p === null ? (
              <span className="inline-flex min-h-11 items-center px-1 text-ink-muted">…</span>
            ) : p === page ? (
              <span aria-current="page" className={`${linkClass} border-accent bg-accent text-accent-ink`}>
                {p}
              </span>
            ) : (
              <a href={hrefFor(p)} className={linkClass} aria-label={t.pageOf(p, totalPages)}>
                {p}
              </a>
            )}
          </li>
        ))}
      </ul>
      {page < totalPages && (
        <a href={hrefFor(page + 1)} rel="next" className={linkClass} aria-label={t.nextPage}>
          {t.nextShort} ›
        </a>
      )}
    </nav>
  );
}
