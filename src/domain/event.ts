/** An event's vocabulary: what it can be and what it holds. Shared by the API and the web app. */

/** A foster-home café, or another gathering (a course evening, a summer party), or a session of En god start. */
export const EVENT_KINDS = ['cafe', 'gathering', 'good_start_session'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['planned', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** none: no answer asked; optional: welcome; required: by the deadline (the food count). */
export const REGISTRATIONS = ['none', 'optional', 'required'] as const;
export type Registration = (typeof REGISTRATIONS)[number];

/** A short talk, a leader presenting themselves, or anything else on the evening's programme. */
export const PROGRAMME_KINDS = ['talk', 'leader', 'other'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** The largest event image stored (the table's CHECK says the same): 2 MiB. */
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
/** The kinds of image an event can have. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];
/** The longest description of an event image, in characters. */
export const ALT_MAX = 300;
