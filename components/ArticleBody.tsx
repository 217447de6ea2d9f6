import type { Root } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { READ_ALSO_ELEMENT } from '@/lib/content/markdown';
import { ReadAlso } from './ReadAlso';

function ReadAlsoElement(props: { slug?: string; title?: string }) {
  return <ReadAlso slug={props.slug ?? ''} title={props.title ?? ''} />;
}

const components = { [READ_ALSO_ELEMENT]: ReadAlsoElement } as unknown as Partial<Components>;

/** Renders a sanitised article tree as React elements (server-side; no client JavaScript). */
export function ArticleBody({ tree }: { tree: Root }) {
  return <div className="article-body">{toJsxRuntime(tree, { Fragment, jsx, jsxs, components })}</div>;
}
