/**
 * Who may do what in the `conferences` module (Law 10/2022 Arts. 50–55).
 *
 * - Every staff member reads the conferences and their resolutions (they attend and are informed
 *   of the 6-monthly reviews, Art. 52(3)).
 * - The Office, as the standing body, keeps the record of a conference (convening, attendance,
 *   votes, resolution, election result); the head and the union review the resolution every
 *   six months (Art. 52(3)), so leadership, the union and the Office may record a review.
 * - Consultations: the Office plans them and classifies each comment (Art. 55); those consulted
 *   comment while the period is open; the union alone monitors participation (Art. 55) and sees
 *   who has answered (but not which comment is whose); the Office and leadership read the
 *   comments, never the author of an anonymous one. Other staff see only their own comments.
 */
import { can, hasRole, type Actor } from '../../platform/roles';

export const mayManageConferences = (a: Actor) => can(a, 'conferences.manage');
export const mayReviewResolution = (a: Actor) => can(a, 'conferences.review');

export const mayManageConsultations = (a: Actor) => can(a, 'consultations.manage');
export const mayMonitorConsultations = (a: Actor) => can(a, 'consultations.monitor');
/** Sees every comment (authors of anonymous ones still hidden). */
export const maySeeAllComments = (a: Actor) => mayManageConsultations(a) || mayMonitorConsultations(a) || hasRole(a, 'leader');
