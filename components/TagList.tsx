import { routes } from '@/lib/routes';

/** Tags as pill links, with an optional story count. */
export function TagList({ tags, label }: { tags: { slug: string; name: string; count?: number }[]; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {tags.map((tag) => (
        <li key={tag.slug}>
          <a
            href={routes.tag(tag.slug)}
            className="inline-block rounded-full border border-rule px-3 py-1.5 text-sm font-semibold hover:border-accent hover:text-accent"
          >
            {tag.name}
            {tag.count !== undefined && <span className="ml-1.5 font-normal text-ink-muted">{tag.count}</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}
