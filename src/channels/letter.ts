import { addressLines, LetterError } from '../documents/letter-page.js';
import type { OutgoingMessage, Sender, SendResult } from './types.js';

/**
 * The letter channel: printed letters wait for the print room. The letter itself (the PDF, laid
 * out for a window envelope) is made by documents/letter.ts; the print room's merged file by
 * documents/print-file.ts.
 */

/**
 * Letters are printed by the print room from one merged file (mergeLetters), not one by one:
 * send() checks the letter can go in a window envelope and answers 'sent' with its PDF, which the
 * sending keeps in the database with the message (letter_pdf) in the same transaction as the
 * outcome — not in one process's DATA_DIR, where another process would not find it. Kept per
 * message, so sending the same message again replaces it instead of printing it twice. 'printed'
 * is for the team to record once the print room has printed the run.
 */
export function createLetterChannel(): Sender {
  const refuse = (reason: string): SendResult => ({ status: 'failed', reason, retryable: false });
  return {
    name: 'letter',
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
      return { status: 'sent', providerId: `letter-${message.id}`, letterPdf: pdf };
    },
  };
}
