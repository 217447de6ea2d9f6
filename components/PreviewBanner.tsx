import { t } from '@/lib/i18n';

/** Shown on every page while an editor is in draft mode, so a preview is never mistaken for the site. */
export function PreviewBanner() {
  return (
    <div role="status" className="bg-[#fff0a8] px-4 py-2 text-center text-sm font-semibold text-[#16181d]">
      {t.previewBanner}{' '}
      <a href="/api/pratinjau/keluar" className="underline">
        {t.previewExit}
      </a>
    </div>
  );
}
