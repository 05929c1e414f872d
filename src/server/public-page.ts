import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { directionOf, escapeHtml as h } from '../domain/template.js';
import { householdWords } from '../i18n/household/index.js';
import { AppError } from './errors.js';

/**
 * The pages people open from a link without logging in (a household's answer page, a feedback
 * form): server-rendered HTML with the style inline and no JavaScript, so they open fast on a
 * weak phone connection, in any browser, and are never indexed, cached or referred onwards.
 */
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;font-size:1.125rem;line-height:1.5;color:#1a1a1a;background:#fff}
main{max-width:36rem;margin:0 auto;padding:1rem}
header{background:#f2f2f2;border-bottom:1px solid #d0d0d0;padding:.75rem 1rem;font-weight:600}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
dl{margin:0}dt{font-weight:600}dd{margin:0 0 .75rem}
a{color:#0b5fae}a:focus,input:focus,textarea:focus,button:focus,.box:focus{outline:3px solid #f0a000;outline-offset:2px}
fieldset{border:0;padding:0;margin:1rem 0}
legend{font-weight:600;font-size:1.2rem;margin-bottom:.5rem}
.choice{display:flex;align-items:center;gap:.75rem;min-height:2.75rem}
.choice input{width:1.5rem;height:1.5rem;margin:0;flex:none}
label.field{display:block;font-weight:600;margin-top:1rem}
input[type=number]{width:6rem}
input[type=number],textarea{font:inherit;padding:.5rem;border:2px solid #555;border-radius:4px;margin-top:.25rem}
textarea{width:100%;min-height:5rem}
.hint{font-weight:400;color:#444;font-size:1rem;display:block}
.error{color:#b00020;font-weight:600;display:block}
button{font:inherit;font-weight:600;min-height:2.75rem;padding:.5rem 1.5rem;margin-top:1.5rem;background:#0b5fae;color:#fff;border:0;border-radius:4px;cursor:pointer}
.box{border-left:6px solid #0b5fae;background:#eef5fc;padding:.75rem 1rem;margin:1rem 0}
.box.alert{border-color:#b00020;background:#fdeeee}
.box.ok{border-color:#1e7b34;background:#edf7ef}
.box>:first-child{margin-top:0}.box>:last-child{margin-bottom:0}
ul.links{padding:0;list-style:none}ul.links li{margin:.5rem 0}
footer{max-width:36rem;margin:2rem auto 0;padding:1rem;border-top:1px solid #d0d0d0;color:#444;font-size:1rem}
`;

/**
 * A whole page: `body` is HTML already escaped by the caller; `header` names who is asking. The
 * foot says where to get help, the same on every public page (WCAG 3.2.6).
 */
export function publicPage(language: string, title: string, header: string, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${h(language)}" dir="${directionOf(language)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">',
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    `<title>${h(title)}</title><style>${STYLE}</style></head>`,
    `<body><header>${h(header)}</header><main>${body}</main>`,
    `<footer><p>${h(householdWords(language).help)}</p></footer></body></html>`,
  ].join('');
}

/**
 * What a page that answers a form opens on: the confirmation or the summary of what to correct,
 * as the first heading after the H1. It takes the focus as the page loads (autofocus; no
 * JavaScript needed), so a screen reader reads it first and the next Tab goes on from it.
 * `body`: HTML already escaped by the caller. One per page (a page has one autofocus).
 */
export function messageBox(kind: 'ok' | 'alert' | 'plain', heading: string, body = ''): string {
  const role = kind === 'alert' ? 'alert' : 'status';
  const style = kind === 'plain' ? 'box' : `box ${kind}`;
  return `<div class="${style}" role="${role}" tabindex="-1" autofocus><h2>${h(heading)}</h2>${body}</div>`;
}

/** A public page: never cached, never indexed, never referred onwards. */
export function htmlReply(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex')
    .send(body);
}

/**
 * These are pages for people, not an API: errors are pages too. Too many requests get the
 * "busy" page, anything else the "bad link" page; only a real bug is logged.
 */
export function publicErrorHandler(
  app: FastifyInstance,
  pages: { busy: () => string; badLink: () => string },
  what: string,
) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.statusCode === 429) return htmlReply(reply, 429, pages.busy());
    // Refused by us (an AppError: NUL in a field or the link is refused with 400) or by Fastify.
    const status = error instanceof AppError ? error.httpStatus : error.statusCode;
    const ours = Boolean(status && status < 500);
    if (!ours) request.log.error({ err: error }, `${what} error`);
    return htmlReply(reply, ours ? 400 : 500, pages.badLink());
  });
}

/** The first of the browser's languages (Accept-Language, by weight) that the page has. */
export function browserLanguage(
  header: string | undefined,
  available: readonly string[],
): string | undefined {
  const wanted = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.split('-')[0] ?? '', weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((w) => w.base && w.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { base } of wanted) {
    const language = base === 'no' ? 'nb' : base;
    if (available.includes(language)) return language;
  }
  return undefined;
}
