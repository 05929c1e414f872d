import type { TemplateError } from '../../domain/template.js';
import { AppError } from '../../server/errors.js';

/** A merge field the template language does not know: 400, with the field named. */
export const unknownField = (error: TemplateError) =>
  new AppError('template.unknown_field', 400, error.details);

/** The letter cannot be laid out (an address too long for the window, …). */
export const letterUnprintable = (reason: string) =>
  new AppError('invitations.letter_unprintable', 400, { reason });
