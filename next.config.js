// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Inlined so the client-side error page speaks the same language as the server.
  env: { WARTA_LOCALE: process.env.WARTA_LOCALE ?? 'id' },
  reactStrictMode: true,
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
    ];
  },
  images: {
    // Article images are local files under public/; nothing is fetched from other hosts.
    formats: ['image/avif', 'image/webp'],
  },
};

module.exports = nextConfig;
