import type { Author } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';

/** "Oleh A dan B", each name linking to the author's page. */
export function Byline({ authors }: { authors: Author[] }) {
  return (
    <p className="font-semibold">
      {t.by}{' '}
      {authors.map((author, i) => (
        <span key={author.slug}>
          {i > 0 && (i === authors.length - 1 ? ` ${t.and} ` : ', ')}
          <a href={routes.author(author.slug)} rel="author" className="text-link underline underline-offset-2">
            {author.name}
          </a>
        </span>
      ))}
    </p>
  );
}
