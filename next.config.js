// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A second build (e.g. the scheduling test) can live beside the main one.
  distDir: process.env.WARTA_DIST_DIR ?? '.next',
  // server/index.ts compresses (brotli or gzip) after it has hashed each page's scripts for the CSP.
  compress: false,
  // Cached pages regenerate after their `revalidate` (60 s for listings and stories); a CDN may
  // serve a stale copy while it does, for up to an hour: Cache-Control s-maxage=60,
  // stale-while-revalidate=3540.
  expireTime: 3600,
  // Inlined so the client-side error page speaks the same language as the server.
  env: { WARTA_LOCALE: process.env.WARTA_LOCALE ?? 'id' },
  reactStrictMode: true,
  // npm run build type-checks the code (tsc) beside the content check, before next build starts
  // (scripts/build.ts); next build type-checks on its own when run any other way.
  typescript: { ignoreBuildErrors: process.env.WARTA_TYPES_CHECKED === '1' },
  // Loaded by Node, not bundled: ioredis (its optional dependencies and dynamic requires).
  // better-sqlite3, a native module, is on Next.js's own external list already.
  serverExternalPackages: ['ioredis'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      {
        // Article images keep their names when replaced, so they are not immutable: a day fresh,
        // then revalidated in the background for a week.
        source: '/images/:path*',
        headers: [{ key: 'Cache-Control', value: 'public, max-age=86400, stale-while-revalidate=604800' }],
      },
    ];
  },
  images: {
    // Article images are local files under public/; nothing is fetched from other hosts.
    formats: ['image/avif', 'image/webp'],
  },
};

module.exports = nextConfig;
