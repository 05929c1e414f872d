import { AppError } from '../../server/errors.js';

/**
 * No adult of the household has completed Solid, and no team leader has overridden it: the
 * household cannot be made a resource family (seed 003: «En forutsetning er at ressursfamilien
 * har gått Solid»).
 */
export const solidRequired = () => new AppError('courses.solid_required', 409);

/** Only a team leader (approvals:decide) may let a household be a resource family without Solid. */
export const overrideForbidden = () => new AppError('courses.override_forbidden', 403);

/** A built-in course is kept by Landsby: it cannot be archived. */
export const builtinCourse = () => new AppError('courses.builtin', 409);

/** An archived course takes no new completions. */
export const courseArchived = () => new AppError('courses.archived', 409);

/** The pamphlet is neither a PDF, a JPEG nor a PNG (by its bytes, whatever its name says). */
export const pamphletUnsupported = () => new AppError('courses.pamphlet_unsupported', 400);

/** The pamphlet starts as a PDF, JPEG or PNG but is cut off or damaged. */
export const pamphletBroken = () => new AppError('courses.pamphlet_broken', 400);

/** Only the intro course leaves a pamphlet with the resource family. */
export const pamphletNotIntro = () => new AppError('courses.pamphlet_not_intro', 409);
