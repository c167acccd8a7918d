import type { SMTPError } from 'smtp-server';

/** An SMTP refusal with its reply code and enhanced status (RFC 3463), as smtp-server sends it. */
export function smtpError(code: number, text: string): SMTPError {
  const e: SMTPError = new Error(text);
  e.responseCode = code;
  return e;
}

export const unknownRecipient = (address: string) => smtpError(550, `5.1.1 <${address}>: no such intake address here (this server accepts mail for its intake addresses only)`);
export const tooLarge = (max: number) => smtpError(552, `5.3.4 message exceeds the maximum size of ${max} bytes`);
export const malformed = (why: string) => smtpError(554, `5.6.0 message not accepted: ${why}`);
export const oneTenant = () => smtpError(452, '4.5.3 one intake address per message: send a copy to each address');
export const notStored = () => smtpError(451, '4.3.0 the message could not be stored: try again later');
