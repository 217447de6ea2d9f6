/** Every internal URL is built here, so links and routes cannot drift apart. */
export const routes = {
  home: () => '/',
  /** Share cards (opengraph-image.tsx): Next.js serves them at these paths (no hash suffix: no route groups above them). */
  siteImage: () => '/opengraph-image',
  article: (slug: string) => `/berita/${slug}`,
  articleImage: (slug: string) => `/berita/${slug}/opengraph-image`,
  articleLite: (slug: string) => `/berita/${slug}/ringan`,
  live: (slug: string) => `/langsung/${slug}`,
  tags: () => '/topik',
  tag: (slug: string, page = 1) => (page <= 1 ? `/topik/${slug}` : `/topik/${slug}/halaman/${page}`),
  tagFeed: (slug: string) => `/topik/${slug}/rss.xml`,
  tagImage: (slug: string) => `/topik/${slug}/opengraph-image`,
  timeline: (slug: string) => `/topik/${slug}/linimasa`,
  /** One period of a long timeline ("2024", "2024-06", "2024-06-2"); "" is the timeline itself. */
  timelinePeriod: (slug: string, period: string) => (period ? `/topik/${slug}/linimasa/${period}` : `/topik/${slug}/linimasa`),
  section: (slug: string, page = 1) => (page <= 1 ? `/rubrik/${slug}` : `/rubrik/${slug}/halaman/${page}`),
  sectionFeed: (slug: string) => `/rubrik/${slug}/rss.xml`,
  author: (slug: string, page = 1) => (page <= 1 ? `/penulis/${slug}` : `/penulis/${slug}/halaman/${page}`),
  search: () => '/cari',
  /** A page that fails to render, for tests only (WARTA_FAULT_INJECTION=1). */
  fault: () => '/uji-galat',
  rss: () => '/rss.xml',
  atom: () => '/atom.xml',
  jsonFeed: () => '/feed.json',
  sitemap: () => '/sitemap.xml',
  sitemapChunk: (n: number) => `/sitemaps/${n}.xml`,
  newsSitemap: () => '/sitemap-news.xml',
};

/**
 * What a route's `[slug]` names, and so what must exist for a URL under it to name a page:
 * a story (drafts and scheduled ones included: they answer 404 by themselves), a live report, a tag, a section,
 * an author, or a sitemap file. `null`: a fixed path.
 */
export type RouteSubject = 'article' | 'live' | 'tag' | 'section' | 'author' | 'sitemap' | 'fault' | null;

/**
 * Every path the site answers, as the app/ folders spell it: `[slug]` is a lower-case slug,
 * `[page]` a page number from 2 (its listing must have that page), `[period]` a period of a long
 * timeline that exists (lib/content/timeline.ts), `[file]` a sitemap file (`0.xml`…). The request guards answer every other path with the 404 page before Next.js sees
 * it (server/known-paths.ts), so a route added under app/ is added here too (a test compares them).
 */
export const ROUTE_TABLE: readonly { path: string; subject: RouteSubject }[] = [
  { path: '/', subject: null },
  { path: '/cari', subject: null },
  { path: '/topik', subject: null },
  { path: '/rss.xml', subject: null },
  { path: '/atom.xml', subject: null },
  { path: '/feed.json', subject: null },
  { path: '/robots.txt', subject: null },
  { path: '/sitemap.xml', subject: null },
  { path: '/sitemap-news.xml', subject: null },
  { path: '/opengraph-image', subject: null },
  { path: '/logo.png', subject: null },
  { path: '/favicon.ico', subject: null },
  { path: '/api/terbaca', subject: null },
  { path: '/api/revalidate', subject: null },
  { path: '/api/pratinjau', subject: null },
  { path: '/api/pratinjau/keluar', subject: null },
  // Names a page only under WARTA_FAULT_INJECTION=1 (tests of the error page).
  { path: '/uji-galat', subject: 'fault' },
  { path: '/berita/[slug]', subject: 'article' },
  { path: '/berita/[slug]/ringan', subject: 'article' },
  { path: '/berita/[slug]/opengraph-image', subject: 'article' },
  { path: '/langsung/[slug]', subject: 'live' },
  { path: '/topik/[slug]', subject: 'tag' },
  { path: '/topik/[slug]/halaman/[page]', subject: 'tag' },
  { path: '/topik/[slug]/linimasa', subject: 'tag' },
  { path: '/topik/[slug]/linimasa/[period]', subject: 'tag' },
  { path: '/topik/[slug]/rss.xml', subject: 'tag' },
  { path: '/topik/[slug]/opengraph-image', subject: 'tag' },
  { path: '/rubrik/[slug]', subject: 'section' },
  { path: '/rubrik/[slug]/halaman/[page]', subject: 'section' },
  { path: '/rubrik/[slug]/rss.xml', subject: 'section' },
  { path: '/penulis/[slug]', subject: 'author' },
  { path: '/penulis/[slug]/halaman/[page]', subject: 'author' },
  { path: '/sitemaps/[file]', subject: 'sitemap' },
];

/** Routes whose pages shift when any story is added or removed: numbered pages, timeline periods, sitemap files. */
export const PAGED_ROUTES = ROUTE_TABLE.map((route) => route.path).filter((path) => /\[(?:page|period|file)\]/.test(path));

/** First segments of the routes that name things by slug, plus search: other spellings of these are lower-cased. */
export const LOWER_CASE_PREFIXES = [...new Set(ROUTE_TABLE.filter((route) => route.path.includes('[slug]') || route.path === routes.search()).map((route) => route.path.split('/')[1]!))];
