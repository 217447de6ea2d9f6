// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Inlined so the client-side error page speaks the same language as the server.
  env: { WARTA_LOCALE: process.env.WARTA_LOCALE ?? 'id' },
  reactStrictMode: true,
  images: {
    // Article images are local files under public/; nothing is fetched from other hosts.
    formats: ['image/avif', 'image/webp'],
  },
};

module.exports = nextConfig;
