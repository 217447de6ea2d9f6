// Imported first by server/index.ts. tsx turns Node's source maps on for the whole process, so
// every module loaded, Next.js's built chunks included, had its map read and parsed: a large part
// of a production start. `next start` leaves them off; so does the production server. Stack
// traces then name the built files' positions. Development keeps them.
if (!process.argv.includes('--dev')) process.setSourceMapsEnabled(false);
