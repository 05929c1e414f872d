import { AppError } from '../../server/errors.js';

/** The meeting was on a day that has passed: invitations go out before it. */
export const meetingPassed = () => new AppError('joint_meeting.passed', 409);

/** The municipality has no resource family users or network caseworkers to invite. */
export const nobodyToInvite = () => new AppError('joint_meeting.nobody', 409);
