import { monthKey } from '../i18n/format';
import { article, makeFixture, type Fixture } from './fixtures';
import { loadContentOrThrow } from './load';
import { ContentStore } from './store';

/** Test helper: a ContentStore over a fixture folder, after `setup` adds files. */
export function storeFrom(setup: (f: Fixture, a: typeof article) => void = () => {}): ContentStore {
  const f = makeFixture();
  setup(f, article);
  const raw = loadContentOrThrow({ contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root });
  return new ContentStore(raw, (iso) => monthKey(iso, 'Asia/Jakarta'));
}
