// Page n of a tag: the same page as page 1, for the numbers 2 and on (lib/listings.ts).
export { default, generateMetadata } from '../../page';

// Regenerated at most once a minute when requested (ISR); Next.js reads this from the file itself.
export const revalidate = 60;

/** Pages 2…n render on first request and are then cached like the rest (see lib/pages.ts). */
export function generateStaticParams(): { slug: string; page: string }[] {
  return [];
}
