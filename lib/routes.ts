/** Every internal URL is built here, so links and routes cannot drift apart. */
export const routes = {
  home: () => '/',
  article: (slug: string) => `/berita/${slug}`,
  tags: () => '/topik',
  tag: (slug: string, page = 1) => (page <= 1 ? `/topik/${slug}` : `/topik/${slug}/halaman/${page}`),
  timeline: (slug: string) => `/topik/${slug}/linimasa`,
  section: (slug: string, page = 1) => (page <= 1 ? `/rubrik/${slug}` : `/rubrik/${slug}/halaman/${page}`),
  author: (slug: string, page = 1) => (page <= 1 ? `/penulis/${slug}` : `/penulis/${slug}/halaman/${page}`),
};
