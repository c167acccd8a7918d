import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { UsageError } from '../command';
import { command, parseInstant } from './deadline.command';

async function run(...args: string[]): Promise<{ code: number; lines: string[] }> {
  let out = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await command.run(args);
    return { code, lines: out.trimEnd().split('\n') };
  } finally {
    spy.mockRestore();
  }
}

const last = (lines: string[]) => lines[lines.length - 1];

describe('regula deadline', () => {
  it.each([
    ['EE', '2026-03-05T10:00:00+02:00', '2026-04-06'],
    ['LT', '2026-03-05T10:00:00+02:00', '2026-04-07'],
    ['LV', '2026-03-05T10:00:00+02:00', '2026-04-07'],
    ['SE', '2026-03-05T10:00:00+01:00', '2026-04-07'],
    ['EE', '2026-01-31T10:00:00+02:00', '2026-03-02'],
    ['SE', '2028-01-31T10:00:00+01:00', '2028-02-29'],
    ['EE', '2026-05-23T10:00:00+03:00', '2026-06-25'],
    ['LT', '2026-05-23T10:00:00+03:00', '2026-06-23'],
    ['SE', '2026-05-20T10:00:00+02:00', '2026-06-22'],
    // any EU/EEA country of the catalogue: Finland's Christmas Day and Boxing Day, then the weekend
    ['FI', '2026-11-25T10:00:00+02:00', '2026-12-28'],
  ])('%s received %s: due %s', async (country, received, due) => {
    const { code, lines } = await run('--country', country, '--received', received);
    expect(code).toBe(0);
    expect(last(lines)).toBe(due);
  });

  it('explains the received date, the rule, the nominal date and the shift', async () => {
    const { lines } = await run('--country', 'EE', '--received', '2026-03-05T10:00:00+02:00');
    const text = lines.join('\n');
    expect(text).toContain('2026-03-05 (Thursday)');
    expect(text).toContain('GDPR Art. 12(3)');
    expect(text).toContain('Nominal end date 2026-04-05, moved to 2026-04-06');
    expect(text).toContain('Easter Sunday');
  });

  it('takes the local date of the instant (23:30 UTC is the next day in Tallinn)', async () => {
    const { lines } = await run('--country', 'EE', '--received', '2026-03-04T23:30:00Z');
    expect(lines.join('\n')).toContain('local date 2026-03-05');
    expect(last(lines)).toBe('2026-04-06');
  });

  it('--extended: three months from receipt', async () => {
    const { lines } = await run('--country', 'EE', '--received', '2026-01-31T10:00:00+02:00', '--extended');
    expect(last(lines)).toBe('2026-04-30');
    expect(lines.join('\n')).toContain('within the first month (GDPR Art. 12(3)): by 2026-03-02');
  });

  it('--working-days N', async () => {
    expect(last((await run('--country', 'LV', '--received', '2026-04-30T10:00:00+03:00', '--working-days', '3')).lines)).toBe('2026-05-07');
    expect(last((await run('--country', 'LV', '--received=2026-04-30T10:00:00+03:00', '--working-days=1', '--country=LV')).lines)).toBe('2026-05-05');
  });

  it.each([
    [['--country', 'CH', '--received', '2026-03-05T10:00:00Z'], /unknown country 'CH'/],
    [['--received', '2026-03-05T10:00:00Z'], /--country is required/],
    [['--country', 'EE'], /--received is required/],
    [['--country', 'EE', '--received', 'yesterday'], /not an ISO-8601 instant/],
    [['--country', 'EE', '--received', '2026-03-05T10:00:00'], /no zone offset/],
    [['--country', 'EE', '--received', '2026-02-30T10:00:00Z'], /not a real date/],
    [['--country', 'EE', '--received', '2026-03-05T10:00:00Z', '--extended', '--working-days', '3'], /cannot be used together/],
    [['--country', 'EE', '--received', '2026-03-05T10:00:00Z', '--working-days', '0'], /positive integer/],
    [['--country', 'EE', '--received', '2026-03-05T10:00:00Z', '--working-days', '2.5'], /positive integer/],
    [['--country', 'EE', '--received', '2026-03-05T10:00:00Z', '--working-days', '-3'], /positive integer|needs a value/],
    [['--country', 'EE', '--received', '2026-03-05T10:00:00Z', '--hours', '72'], /unknown option --hours/],
    [['--country', 'EE', '--received', '2026-03-05T10:00:00Z', 'extra'], /unexpected argument/],
  ])('rejects %j', async (args, message) => {
    await expect(command.run(args)).rejects.toThrow(UsageError);
    await expect(command.run(args)).rejects.toThrow(message);
  });

  it('parses ISO-8601 offsets', () => {
    expect(parseInstant('2026-03-05T10:00:00+02:00').toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(parseInstant('2026-03-05T10:00+0530').toISOString()).toBe('2026-03-05T04:30:00.000Z');
    expect(parseInstant('2026-03-05T10:00:00.1234Z').toISOString()).toBe('2026-03-05T10:00:00.123Z');
    expect(parseInstant('2026-03-05T01:00:00-05').toISOString()).toBe('2026-03-05T06:00:00.000Z');
  });

  it('exits 2 with a one-line message on stderr, and 0 with the date last, as a process', () => {
    const root = path.resolve(__dirname, '../../../..');
    const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts/regula.js'), 'deadline', ...args], { cwd: root, encoding: 'utf8' });
    const bad = cli('--country', 'EE', '--received', '2026-03-05T10:00:00');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/no zone offset/);
    const good = cli('--country', 'EE', '--received', '2026-03-05T10:00:00+02:00');
    expect(good.status).toBe(0);
    expect(good.stdout.trimEnd().split('\n').pop()).toBe('2026-04-06');
  });
});
