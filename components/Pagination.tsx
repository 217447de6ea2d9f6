import { t } from '@/lib/i18n';

/** Previous/next and numbered links to stable page URLs; the current page is marked for screen readers. */
export function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  if (totalPages <= 1) return null;
  const pages = Array.from({ length: totalPages }, (_, i) => i + 1);
  const linkClass = 'inline-flex min-w-11 min-h-11 items-center justify-center rounded border border-rule px-3 font-semibold hover:border-accent';
  return (
    <nav aria-label={t.pagination} className="mt-8 flex flex-wrap items-center gap-2">
      {page > 1 && (
        <a href={hrefFor(page - 1)} rel="prev" className={linkClass}>
          ‹ {t.previousPage}
        </a>
      )}
      <ul className="flex flex-wrap gap-2">
        {pages.map((p) => (
          <li key={p}>
            {p === page ? (
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
        <a href={hrefFor(page + 1)} rel="next" className={linkClass}>
          {t.nextPage} ›
        </a>
      )}
    </nav>
  );
}
