import { mkdirSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addressLines, LetterError } from '../documents/letter-page.js';
import type { Config } from '../server/config.js';
import type { OutgoingMessage, Sender, SendResult } from './types.js';

/**
 * The letter outbox: printed letters wait here for the print room. The letter itself (the PDF,
 * laid out for a window envelope) is made by documents/letter.ts; the print room's merged file
 * by documents/print-file.ts.
 */

export interface LetterChannel extends Sender {
  /** Where the letters' PDFs are kept until the print room prints them. */
  readonly outbox: string;
}

/**
 * Letters are printed by the print room from one merged file (mergeLetters), not one by one:
 * send() checks the letter can go in a window envelope, keeps its PDF as
 * DATA_DIR/outbox/letter-<message id>.pdf and answers 'sent'. The file is named by the message
 * id, so sending the same message again replaces it instead of printing it twice. 'printed' is
 * for the team to record once the print room has printed the run.
 */
export function createLetterChannel(config: Pick<Config, 'dataDir'>): LetterChannel {
  const outbox = join(config.dataDir, 'outbox');
  const refuse = (reason: string): SendResult => ({ status: 'failed', reason, retryable: false });
  return {
    name: 'letter',
    outbox,
    async send(message: OutgoingMessage): Promise<SendResult> {
      if (message.channel !== 'letter') return refuse(`Not a letter (channel ${message.channel}).`);
      const address = message.to.address;
      if (!address) return refuse('The household has no postal address to print.');
      try {
        addressLines(address);
      } catch (error) {
        if (error instanceof LetterError) return refuse(error.message);
        throw error;
      }
      const pdf = message.pdf;
      if (!pdf || pdf.length < 8 || Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') {
        return refuse('The letter has no PDF to print.');
      }
      mkdirSync(outbox, { recursive: true });
      const name = `letter-${message.id.replace(/[^\w-]/g, '')}.pdf`;
      const path = join(outbox, name);
      // Write, then rename: a file in the outbox is always whole.
      await writeFile(`${path}.part`, pdf);
      await rename(`${path}.part`, path);
      return { status: 'sent', providerId: name };
    },
  };
}
