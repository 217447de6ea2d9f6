import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/SiteFooter';
import { PreviewBanner } from '@/components/PreviewBanner';
import { SiteHeader } from '@/components/SiteHeader';
import { siteConfig } from '@/lib/config';
import { getContent } from '@/lib/content';
import { isPreview } from '@/lib/newsroom/preview';
import { t } from '@/lib/i18n';
import { siteFeeds } from '@/lib/seo/metadata';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(siteConfig.url),
  title: { default: `${siteConfig.name} — ${t.siteTagline}`, template: `%s | ${siteConfig.name}` },
  description: t.siteTagline,
  applicationName: siteConfig.name,
  alternates: { types: siteFeeds },
  openGraph: { siteName: siteConfig.name, type: 'website', locale: t.intlLocale.replace('-', '_') },
  twitter: { card: 'summary_large_image' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#121418' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { sections } = getContent();
  const preview = await isPreview();
  return (
    <html lang={t.htmlLang}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#konten"
          className="sr-only rounded bg-accent px-4 py-2 font-semibold text-accent-ink focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
        >
          {t.skipToContent}
        </a>
        {preview && <PreviewBanner />}
        <SiteHeader sections={sections} />
        <main id="konten" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-4 focus:outline-none sm:py-6">
          {children}
        </main>
        <SiteFooter sections={sections} year={new Date().getFullYear()} />
      </body>
    </html>
  );
}
