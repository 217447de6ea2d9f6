import fs from 'node:fs';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { siteConfig } from '../config';
import { env } from '../env';
import { t } from '../i18n';

/** Open Graph image size recommended by Facebook, X and LinkedIn. */
export const SHARE_CARD_SIZE = { width: 1200, height: 630 };

/**
 * Share cards and the logo change hourly at most (their routes revalidate after an hour):
 * browsers and CDNs keep them an hour and may show a stale one for a day while fetching the next.
 * ImageResponse's own header is max-age=0; in development it stays no-store, so edits show.
 */
export const IMAGE_CACHE_CONTROL = 'public, max-age=3600, stale-while-revalidate=86400';
const headers = env().NODE_ENV === 'development' ? undefined : { 'Cache-Control': IMAGE_CACHE_CONTROL };

/** Noto Serif from @fontsource (an npm package): no font is fetched from the network. */
function font(weight: 400 | 700) {
  const file = path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-serif', 'files', `noto-serif-latin-${weight}-normal.woff`);
  return { name: 'Noto Serif', data: fs.readFileSync(file), weight, style: 'normal' as const };
}

let fonts: ReturnType<typeof font>[] | undefined;
const loadFonts = () => (fonts ??= [font(400), font(700)]);

function headlineSize(title: string): number {
  if (title.length <= 55) return 72;
  if (title.length <= 90) return 60;
  return 48;
}

/** A 1200×630 card: the kicker (section or "Topik"), the headline, and the site's name. */
export function shareCard({ kicker, title }: { kicker: string; title: string }): ImageResponse {
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#16181d', color: '#ffffff', fontFamily: 'Noto Serif' }}>
        <div style={{ height: 16, width: '100%', background: '#c8102e', display: 'flex' }} />
        <div style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'center', padding: '48px 72px' }}>
          <div style={{ fontSize: 30, color: '#ff8a80', textTransform: 'uppercase', letterSpacing: 2, fontWeight: 700, display: 'flex' }}>{kicker}</div>
          <div style={{ marginTop: 24, fontSize: headlineSize(title), lineHeight: 1.15, fontWeight: 700, display: 'flex' }}>{title}</div>
        </div>
        <div style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', padding: '0 72px 48px' }}>
          <div style={{ fontSize: 56, fontWeight: 700, display: 'flex' }}>{siteConfig.name}</div>
          <div style={{ fontSize: 26, color: '#b3b6bd', display: 'flex' }}>{t.siteTagline}</div>
        </div>
      </div>
    ),
    { ...SHARE_CARD_SIZE, fonts: loadFonts(), headers },
  );
}

/** The publisher logo for structured data: the wordmark on white, 600×60. */
export function logoImage(): ImageResponse {
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', background: '#ffffff', color: '#a3001b', fontFamily: 'Noto Serif', fontSize: 48, fontWeight: 700 }}>
        {siteConfig.name}
      </div>
    ),
    { width: 600, height: 60, fonts: loadFonts(), headers },
  );
}
