import type { MetadataRoute } from 'next';
import { routes } from '@/lib/routes';
import { absoluteUrl } from '@/lib/seo/metadata';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: [routes.search()] }],
    sitemap: [absoluteUrl(routes.sitemap()), absoluteUrl(routes.newsSitemap())],
  };
}
