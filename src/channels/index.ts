import type { Config } from '../server/config.js';
import { createDigitalMailChannel, type DigitalMailChannel } from './digital-mail.js';
import { createEmailChannel } from './email.js';
import { createLetterChannel } from './letter.js';
import { createMaskinportenClient } from './maskinporten.js';
import { createSmsChannel } from './sms.js';
import type { ChannelName, Sender } from './types.js';

/**
 * The four channels, each configured from the environment or writing to the local outbox; letters
 * wait for the print room in the database.
 */
export interface Channels extends Record<ChannelName, Sender> {
  digital_mail: DigitalMailChannel;
}

export function createChannels(config: Config): Channels {
  return {
    email: createEmailChannel(config),
    sms: createSmsChannel(config),
    letter: createLetterChannel(),
    // With MASKINPORTEN_URL, SvarUt's tokens come from Maskinporten rather than SVARUT_TOKEN.
    digital_mail: createDigitalMailChannel(
      config,
      config.svarut && config.maskinporten
        ? { getToken: createMaskinportenClient(config.maskinporten).getToken }
        : {},
    ),
  };
}
