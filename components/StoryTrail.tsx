import type { Section } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import { breadcrumbList } from '@/lib/seo/jsonld';
import { Breadcrumb } from './Breadcrumb';
import { JsonLd } from './JsonLd';

/** A story's structured data (its own, then the breadcrumb) and its visible trail: Home › its section. */
export function StoryTrail({ story, section, title, path }: { story: Record<string, unknown>; section: Section; title: string; path: string }) {
  return (
    <>
      <JsonLd
        data={[
          story,
          breadcrumbList([
            { name: t.home, path: routes.home() },
            { name: section.name, path: routes.section(section.slug) },
            { name: title, path },
          ]),
        ]}
      />
      <div className="no-print">
        <Breadcrumb
          items={[
            { name: t.home, href: routes.home() },
            { name: section.name, href: routes.section(section.slug) },
          ]}
        />
      </div>
    </>
  );
}
