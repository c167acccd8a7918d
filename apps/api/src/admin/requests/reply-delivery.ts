import { REPLY_DELIVERIES } from '@regula/requests';

export interface ReplyDeliveryOption {
  value: string;
  label: string;
  selected: boolean;
}

/**
 * How a reply reaches the subject, for the upload form: e-mail only where
 * there is an address (then preselected), else sent by post (preselected) or
 * handed over in person, which the admin records.
 */
export function replyDeliveries(t: (key: string) => string, requesterEmail: string | null, chosen: unknown): ReplyDeliveryOption[] {
  const offered = REPLY_DELIVERIES.filter((d) => d !== 'e-mail' || !!requesterEmail);
  const selected = typeof chosen === 'string' && (offered as readonly string[]).includes(chosen) ? chosen : offered[0];
  return offered.map((value) => ({ value, label: t(`deliveries.${value}`), selected: value === selected }));
}
