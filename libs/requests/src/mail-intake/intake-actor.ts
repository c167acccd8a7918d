import { RequestActor } from '../request-actor';

/**
 * The e-mail intake as the actor of what it files. Its requests are created by
 * RequestRecordingService.recordIn, the same code as a request an admin records.
 */
export const INTAKE: RequestActor = { userId: null, label: 'system', auditLabel: 'e-mail intake' };
