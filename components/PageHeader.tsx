import type { ReactNode } from 'react';

/** Heading block of listing pages (tag, section, author, topics). */
export function PageHeader({ kicker, title, children }: { kicker?: string; title: string; children?: ReactNode }) {
  return (
    <div className="border-b border-rule pb-6">
      {kicker && <p className="text-sm font-bold tracking-wider text-accent uppercase">{kicker}</p>}
      <h1 className="mt-1 font-serif text-3xl leading-tight font-bold sm:text-5xl">{title}</h1>
      {children && <div className="mt-3 max-w-3xl text-lg text-ink-muted">{children}</div>}
    </div>
  );
}
