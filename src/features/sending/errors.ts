import { AppError } from '../../server/errors.js';

/** The event is cancelled: nothing more is sent for it. */
export const eventCancelled = () => new AppError('sending.event_cancelled', 409);

/** The event has started: its invitations can no longer go. */
export const eventPassed = () => new AppError('sending.event_passed', 409);

/** The café has no venue: an invitation would read "på ." (choose the venue first). */
export const noVenue = () => new AppError('sending.no_venue', 409);

/** The team chose a channel the household has no contact data for. */
export const channelUnusable = (channel: string) =>
  new AppError('sending.channel_unusable', 400, { channel });

/** No letter is ready for the print room. */
export const noLetters = () => new AppError('sending.no_letters', 404);

/** The event is cancelled or has started: no reminder goes any more. */
export const remindersClosed = () => new AppError('reminders.closed', 409);

/** The café has not ended yet (or is cancelled): no thank-you or "we missed you" yet. */
export const notHeld = () => new AppError('sending.not_held', 409);

/** The thank-you links to the feedback form: save the form first. */
export const noFeedbackForm = () => new AppError('sending.no_feedback_form', 409);
