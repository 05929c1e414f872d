/**
 * The course register's rules (SPEC sections 3–5): the built-in courses every municipality has,
 * and the pamphlet file the intro course leaves with a resource family.
 */

/** Bufetat's courses, the resource family's intro course and En god start's contact-person training. */
export const BUILTIN_COURSE_KINDS = [
  'pride',
  'trygg_base',
  'solid',
  'foster_siblings',
  'resource_family_intro',
  'contact_person_training',
] as const;
export type BuiltinCourseKind = (typeof BUILTIN_COURSE_KINDS)[number];

/** 'other': a course the municipality adds, with its own name and provider. */
export const COURSE_KINDS = [...BUILTIN_COURSE_KINDS, 'other'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

/** The intro course is two conversations of 1.5 hours each (seed 003). */
export const INTRO_COURSE_PARTS = 2;
export const INTRO_COURSE_PART_HOURS = 1.5;

export const PAMPHLET_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type PamphletType = (typeof PAMPHLET_TYPES)[number];
export const PAMPHLET_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The pamphlet's type read from its bytes, never from its name: a PDF, JPEG or PNG whose start
 * and end are there (a file cut off on the way is refused as broken). `null`: none of the three.
 */
export function pamphletType(bytes: Uint8Array): PamphletType | 'broken' | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  const tail = String.fromCharCode(...bytes.subarray(Math.max(0, bytes.length - 1024)));
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return tail.includes('%%EOF') ? 'application/pdf' : 'broken';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
    return tail.includes('IEND') ? 'image/png' : 'broken';
  }
  if (starts(0xff, 0xd8, 0xff)) {
    // JPEG ends with the EOI marker FF D9 (some writers add padding after it).
    const end = bytes.subarray(Math.max(0, bytes.length - 64));
    for (let i = end.length - 2; i >= 0; i--) if (end[i] === 0xff && end[i + 1] === 0xd9) return 'image/jpeg';
    return 'broken';
  }
  return null;
}

/** The name a downloaded pamphlet gets: no one's name, only what it is. */
export function pamphletFileName(type: PamphletType): string {
  return `brosjyre-introkurs.${type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg'}`;
}
