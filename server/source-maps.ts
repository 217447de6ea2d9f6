// Imported first by server/index.ts. Run through tsx (npm run dev, or the sources run by hand),
// Node's source maps are on for the whole process, so every module loaded, Next.js's built chunks
// included, would have its map read and parsed: a large part of a start. `next start` leaves them
// off; so does the production server. Stack traces then name the built files' positions.
// Development keeps them.
if (!process.argv.includes('--dev')) process.setSourceMapsEnabled(false);
