/** The rule-and-capitals heading of the home page's sections (Terbaru, rubrik, Terpopuler …). */
export const headingClass = 'mb-4 border-b-2 border-ink pb-1 text-sm font-bold tracking-wider uppercase';
