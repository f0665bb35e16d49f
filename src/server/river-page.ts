// The HTML of a river's page (/river/<name>): index.html with the river's own <title>, meta
// description and Open Graph tags (escaped), or a 404 page when no river has that name.
import { renderMessage } from '../contract/messages/render';
import { msg } from '../domain/message';
import type { RegisterView } from '../domain/plans/view-register';
import { findRiver, riverPageHead } from '../domain/rivers/river-page';
import type { Store } from './store/store';

/** Text for HTML (element content and double-quoted attributes). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The China date (UTC+8) of an instant, YYYY-MM-DD. */
const chinaDay = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/** The river page's head, or null for an unknown river. */
export async function riverHead(
  view: RegisterView,
  store: Pick<Store, 'getPublication'>,
  key: string,
): Promise<{ title: string; description: string } | null> {
  const river = findRiver(view.rivers, key);
  if (!river) return null;
  const plans = view.plans.filter((p) => river.planIds.includes(p.id));
  const published = plans.filter((p) => p.stage === 'published');
  const publications = await Promise.all(published.map((p) => store.getPublication(p.id)));
  const newest = publications
    .flatMap((p) => (p ? [p] : []))
    .toSorted((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0];
  const head = riverPageHead(
    river,
    plans.map((p) => p.stage),
    newest ? { version: newest.version, date: chinaDay(newest.publishedAt) } : null,
  );
  return {
    title: renderMessage(head.title, 'zh'),
    description: renderMessage(head.description, 'zh'),
  };
}

/** index.html with the page's own title, description and Open Graph tags. */
export function withHead(index: string, head: { title: string; description: string }): string {
  const title = escapeHtml(head.title);
  const description = escapeHtml(head.description);
  return index
    .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
    .replace(
      /<meta name="description" content="[^"]*"\s*\/?>/,
      `<meta name="description" content="${description}" />\n    <meta property="og:title" content="${title}" />\n    <meta property="og:description" content="${description}" />\n    <meta property="og:type" content="website" />`,
    );
}

/** The 404 page of an unknown river, in Chinese (the public's language). */
export function riverNotFoundPage(key: string): string {
  const title = escapeHtml(renderMessage(msg('public.page.notFound', { name: key }), 'zh'));
  const hint = escapeHtml(renderMessage(msg('public.page.notFoundHint'), 'zh'));
  const home = escapeHtml(renderMessage(msg('public.page.home'), 'zh'));
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · 河界</title>
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      <p>${hint}</p>
      <p><a href="/">${home}</a></p>
    </main>
  </body>
</html>
`;
}
