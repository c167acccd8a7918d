// The part of `smtp-server` (which ships no types) the intake uses.
declare module 'smtp-server' {
  import type { Readable } from 'node:stream';
  import type { Server } from 'node:net';

  export interface SMTPServerAddress {
    address: string;
    args: Record<string, string> | false;
  }
  export interface SMTPServerSession {
    id: string;
    remoteAddress: string;
    envelope: { mailFrom: SMTPServerAddress | false; rcptTo: SMTPServerAddress[] };
  }
  export interface SMTPServerDataStream extends Readable {
    sizeExceeded: boolean;
    byteLength: number;
  }
  export type SMTPError = Error & { responseCode?: number };
  export interface SMTPServerOptions {
    disabledCommands?: string[];
    authOptional?: boolean;
    size?: number;
    banner?: string;
    logger?: boolean;
    closeTimeout?: number;
    hideSTARTTLS?: boolean;
    onMailFrom?(address: SMTPServerAddress, session: SMTPServerSession, callback: (err?: SMTPError | null) => void): void;
    onRcptTo?(address: SMTPServerAddress, session: SMTPServerSession, callback: (err?: SMTPError | null) => void): void;
    onData?(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: SMTPError | null, message?: string) => void): void;
  }
  export class SMTPServer {
    constructor(options?: SMTPServerOptions);
    server: Server;
    listen(port: number, host: string, callback?: () => void): Server;
    close(callback?: () => void): void;
    on(event: 'error', listener: (err: Error) => void): this;
  }
}
