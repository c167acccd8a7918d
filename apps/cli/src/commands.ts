import { Command } from './command';

/**
 * Every CLI command, loaded lazily so that `deadline` does not pay for the
 * database driver. Add a command: write commands/<name>.command.ts exporting
 * `command`, and list it here.
 */
export const COMMANDS: { name: string[]; load: () => Promise<Command> }[] = [
  { name: ['deadline'], load: async () => (await import('./commands/deadline.command')).command },
  { name: ['lint'], load: async () => (await import('./commands/lint.command')).command },
  { name: ['db', 'migrate'], load: async () => (await import('./commands/db-migrate.command')).command },
  { name: ['tenants', 'sync'], load: async () => (await import('./commands/tenants-sync.command')).command },
  { name: ['tenants', 'create'], load: async () => (await import('./commands/tenants-create.command')).command },
  { name: ['tenants', 'suspend'], load: async () => (await import('./commands/tenants-suspension.command')).suspend },
  { name: ['tenants', 'archive'], load: async () => (await import('./commands/tenants-archive.command')).command },
  { name: ['tenants', 'delete'], load: async () => (await import('./commands/tenants-delete.command')).command },
  { name: ['tenants', 'resume'], load: async () => (await import('./commands/tenants-suspension.command')).resume },
  { name: ['demo', 'seed'], load: async () => (await import('./commands/demo-seed.command')).command },
  { name: ['demo', 'confirm'], load: async () => (await import('./commands/demo-confirm.command')).command },
  { name: ['demo', 'data'], load: async () => (await import('./commands/demo-data.command')).command },
  { name: ['demo', 'history'], load: async () => (await import('./commands/demo-history.command')).command },
  { name: ['policies', 'publish'], load: async () => (await import('./commands/policies-publish.command')).command },
  { name: ['systems'], load: async () => (await import('./commands/systems.command')).command },
];
