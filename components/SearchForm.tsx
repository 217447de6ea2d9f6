import { t } from '@/lib/i18n';
import { MAX_QUERY_LENGTH } from '@/lib/search/limits';
import { routes } from '@/lib/routes';

/** A plain GET form to the search page: works without JavaScript. */
export function SearchForm({ id, defaultValue, size = 'compact', hidden }: { id: string; defaultValue?: string; size?: 'compact' | 'large'; hidden?: Record<string, string> }) {
  const large = size === 'large';
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with role=search is announced by every screen reader; <search> is newer.
    <form role="search" action={routes.search()} method="get" className="flex w-full max-w-md items-stretch gap-0">
      <label htmlFor={id} className="sr-only">
        {t.searchLabel}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t.searchPlaceholder}
        autoComplete="off"
        enterKeyHint="search"
        className={`min-w-0 flex-1 rounded-l border border-r-0 border-ink-muted bg-paper px-3 text-ink placeholder:text-ink-muted ${large ? 'py-3 text-lg' : 'py-1.5 text-base'}`}
      />
      {hidden && Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" className={`rounded-r bg-accent px-4 font-semibold text-accent-ink ${large ? 'text-lg' : 'text-sm'}`}>
        {t.searchButton}
      </button>
    </form>
  );
}
