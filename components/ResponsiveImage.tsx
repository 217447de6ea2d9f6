import { getImageProps } from 'next/image';
import type { ArticleImage } from '@/lib/content';

/**
 * An article image as a plain <img> with Next.js's optimised srcset (AVIF/WebP, sized for the
 * layout), rendered on the server. <Image> would ship client JavaScript to every page to do the
 * same, past the pages' JS budget (test/budgets/).
 */
export function ResponsiveImage({ image, sizes, className, priority = false }: { image: ArticleImage; sizes: string; className: string; priority?: boolean }) {
  const { props } = getImageProps({
    src: image.src,
    alt: image.alt,
    width: image.width,
    height: image.height,
    sizes,
    className,
    loading: priority ? 'eager' : 'lazy',
    fetchPriority: priority ? 'high' : 'auto',
  });
  // alt comes from the props above (validated: every article image has alt text).
  // biome-ignore lint/a11y/useAltText: alt is in props (getImageProps above), and every article image has one (validated).
  return <img {...props} />;
}
