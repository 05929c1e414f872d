/**
 * Limits the server enforces and the web app checks before it sends, written once for both.
 * (A feature's own limits live in its domain file, e.g. the event image's in event.ts.)
 */

/** A password is at least this long; the set-password form says so before it sends. */
export const MIN_PASSWORD_LENGTH = 12;

/** The largest registry import file the upload takes, in bytes. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
