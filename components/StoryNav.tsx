import type { Tag } from '@/lib/content';
import type { StoryPlace } from '@/lib/content/story-order';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';

/** An article's place in its running story: position, the stories either side, and the timeline. Plain links. */
export function StoryNav({ story, place }: { story: Tag; place: StoryPlace }) {
  const link = 'block rounded border border-rule p-3 hover:border-ink';
  return (
    <nav aria-label={t.storyNavLabel(story.name)} className="no-print mt-10 border-t-2 border-ink pt-4">
      <p className="text-sm font-bold">{t.storyPosition(place.position, place.total, story.name)}</p>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        <li>
          {place.previous ? (
            <a href={routes.article(place.previous.slug)} rel="prev" className={link}>
              <span className="block text-sm text-ink-muted">‹ {t.previousShort}</span>
              <span className="mt-1 block font-serif font-bold">{place.previous.title}</span>
            </a>
          ) : (
            <p className="p-3 text-sm text-ink-muted">{t.storyFirst}</p>
          )}
        </li>
        <li className="sm:text-right">
          {place.next ? (
            <a href={routes.article(place.next.slug)} rel="next" className={link}>
              <span className="block text-sm text-ink-muted">{t.nextShort} ›</span>
              <span className="mt-1 block font-serif font-bold">{place.next.title}</span>
            </a>
          ) : (
            <p className="p-3 text-sm text-ink-muted">{t.storyLatest}</p>
          )}
        </li>
      </ul>
      <p className="mt-3 text-sm">
        <a href={routes.timeline(story.slug)} className="inline-block py-1 font-semibold text-link underline underline-offset-2">
          {t.storyTimelineLink} ›
        </a>
      </p>
    </nav>
  );
}
