import type { GateResult } from '../../domain/network.js';
import { AppError } from '../../server/errors.js';

/** A consent or a signature is missing: the household cannot join (details: who). */
export const gateClosed = (missing: GateResult) => new AppError('network.gate_closed', 409, missing);

/** The network has five members: a sixth only with a team leader's override. */
export const tooManyMembers = (max: number) => new AppError('network.too_many_members', 409, { max });

/** Only a team leader may let a network past five members. */
export const overrideForbidden = () => new AppError('network.override_forbidden', 403);

/** The resource family must be a household of kind resource family in the own municipality. */
export const notResourceFamily = () => new AppError('network.not_resource_family', 400);

/** The household has an open membership in the network already. */
export const alreadyMember = () => new AppError('network.already_member', 409);

/** Only a proposed (pending) membership can join. */
export const notPending = () => new AppError('network.not_pending', 409);

/** The municipality has not turned on the note field. */
export const noteDisabled = () => new AppError('network.note_disabled', 400);

/** The claim has been approved or rejected already. */
export const claimDecided = () => new AppError('network.claim_decided', 409);

/** A rejection needs a reason. */
export const reasonRequired = () => new AppError('network.reason_required', 400);

/** The receipt is not a JPEG, PNG or PDF. */
export const receiptUnsupported = () => new AppError('network.receipt_unsupported', 400);

/** The caseworkers must be one or two active caseworkers or team leaders of the municipality. */
export const badCaseworkers = () => new AppError('network.caseworkers', 400);
