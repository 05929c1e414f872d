/**
 * A provider's answer as the team and the log may see it beside the channel's name: without the
 * e-mail addresses and phone or identity numbers it may quote ("450 4.2.2 <kari@example.no>:
 * mailbox full"). Names cannot be told from other words, and providers' error answers do not
 * carry them; the household's own row keeps the provider's words whole.
 */
export function withoutPersonalData(answer: string): string {
  return answer
    .replace(/[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g, '[address]')
    .replace(/\+?\d(?:[\s-]?\d){7,}/g, '[number]')
    .slice(0, 500);
}
