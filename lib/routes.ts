/** Every internal URL is built here, so links and routes cannot drift apart. */
export const routes = {
  home: () => '/',
  /** Share cards (opengraph-image.tsx): Next.js serves them at these paths (no hash suffix: no route groups above them). */
  siteImage: () => '/opengraph-image',
  article: (slug: string) => `/berita/${slug}`,
  articleImage: (slug: string) => `/berita/${slug}/opengraph-image`,
  articleLite: (slug: string) => `/berita/${slug}/ringan`,
  tags: () => '/topik',
  tag: (slug: string, page = 1) => (page <= 1 ? `/topik/${slug}` : `/topik/${slug}/halaman/${page}`),
  tagFeed: (slug: string) => `/topik/${slug}/rss.xml`,
  tagImage: (slug: string) => `/topik/${slug}/opengraph-image`,
  timeline: (slug: string) => `/topik/${slug}/linimasa`,
  section: (slug: string, page = 1) => (page <= 1 ? `/rubrik/${slug}` : `/rubrik/${slug}/halaman/${page}`),
  sectionFeed: (slug: string) => `/rubrik/${slug}/rss.xml`,
  author: (slug: string, page = 1) => (page <= 1 ? `/penulis/${slug}` : `/penulis/${slug}/halaman/${page}`),
  search: () => '/cari',
  rss: () => '/rss.xml',
  atom: () => '/atom.xml',
  jsonFeed: () => '/feed.json',
  sitemap: () => '/sitemap.xml',
  sitemapChunk: (n: number) => `/sitemaps/${n}.xml`,
  newsSitemap: () => '/sitemap-news.xml',
};
