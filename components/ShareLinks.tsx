import { t } from '@/lib/i18n';

/** Share links are plain URLs: no third-party script, cookie or tracker loads until a reader clicks. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  const targets = [
    { name: 'WhatsApp', href: `https://wa.me/?text=${text}%20${u}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'X', href: `https://x.com/intent/post?url=${u}&text=${text}` },
    { name: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${text}` },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
  ];
  const linkClass = 'inline-block rounded border border-rule px-3 py-2 text-sm font-semibold hover:border-accent';
  return (
    <section aria-labelledby="share-heading" className="no-print">
      <h2 id="share-heading" className="text-sm font-bold tracking-wider text-ink-muted uppercase">
        {t.share}
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {targets.map((target) => (
          <li key={target.name}>
            <a href={target.href} className={linkClass} rel="noopener noreferrer" target="_blank" aria-label={t.shareOn(target.name)}>
              {target.name}
            </a>
          </li>
        ))}
        <li>
          <a href={`mailto:?subject=${text}&body=${u}`} className={linkClass} aria-label={t.shareByEmail}>
            Email
          </a>
        </li>
      </ul>
    </section>
  );
}
