// @ts-check
/**
 * `npm start`: runs the production server that `next build` bundled into the dist dir
 * (server/bundle.cjs). The dist dir is WARTA_DIST_DIR, `.next` unless set.
 */
const fs = require('node:fs');
const path = require('node:path');
const { SERVER_BUNDLE } = require('./bundle.cjs');

const file = path.resolve(process.env.WARTA_DIST_DIR ?? '.next', SERVER_BUNDLE);
if (!fs.existsSync(file)) {
  console.error(`Warta cannot start: ${path.relative(process.cwd(), file)} is missing. It is made by the production build: run npm run build (or copy the whole build folder).`);
  process.exit(1);
}
require(file);
