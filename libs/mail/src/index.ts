export * from './outbox-email.entity';
export * from './mail-branding';
export * from './mail-renderer';
export * from './mail-helpers';
export * from './html-to-text';
export * from './mail.service';
export * from './mail-delivery.service';
export * from './mail.module';
