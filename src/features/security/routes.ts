import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../server/deps.js';
import { htmlReply } from '../../server/public-page.js';
import { countGuess, type GuessScope, guessesUsedUp } from './service.js';

/**
 * Guards a public page whose path carries a secret (an answer link, a feedback code): every 404
 * counts as a guess against the client's network, the guess past the limit already gets the
 * "busy" page (429), and a network that has used up its guesses gets it before its link is even
 * looked up, so a lucky guess opens nothing either. Links that open are never counted. Call
 * inside the page's own plugin (the busy page's headers are set there: htmlReply).
 */
export function limitGuessing(
  app: FastifyInstance,
  deps: Deps,
  scope: Exclude<GuessScope, 'login'>,
  busyPage: () => string,
): void {
  app.addHook('onRequest', async (request, reply) => {
    if (await guessesUsedUp(deps, scope, request.ip)) return htmlReply(reply, 429, busyPage());
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 404 || !(await countGuess(deps, scope, request.ip))) return payload;
    reply.code(429);
    return busyPage();
  });
}
