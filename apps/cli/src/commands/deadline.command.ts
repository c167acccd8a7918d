import { COUNTRIES, COUNTRY_CATALOGUE, ControllerCountry, Deadline, DeadlinePeriod, computeDeadline, oneMonthDeadline } from '@regula/engine';
import { Command, UsageError, parseArgs } from '../command';

const USAGE = 'deadline --country <EU/EEA country code, e.g. EE or FI> --received <ISO-8601 instant> [--extended | --working-days N]';
const EXAMPLE = 'e.g. 2026-03-05T10:00:00+02:00';
const KNOWN_FLAGS = ['country', 'received', 'extended', 'working-days'];
const MAX_WORKING_DAYS = 10_000;

const DATE_TIME = String.raw`(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?`;
const WITH_OFFSET = new RegExp(`^${DATE_TIME}([Zz]|[+-]\\d{2}(?::?\\d{2})?)$`);
const WITHOUT_OFFSET = new RegExp(`^${DATE_TIME}$`);

/**
 * Parses an ISO-8601 instant in extended format with a zone offset
 * (`2026-03-05T10:00:00+02:00`, `...Z`, `...+0200`). A local time without an
 * offset is refused: it does not name an instant.
 */
export function parseInstant(text: string): Date {
  const m = WITH_OFFSET.exec(text);
  if (!m) {
    if (WITHOUT_OFFSET.test(text)) throw new UsageError(`--received '${text}' has no zone offset: add Z or ±hh:mm (${EXAMPLE})`);
    throw new UsageError(`--received '${text}' is not an ISO-8601 instant (${EXAMPLE})`);
  }
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  let offsetMin = 0;
  const zone = m[8];
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) throw new UsageError(`--received '${text}' has an impossible zone offset ${zone}`);
    offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  const realDate = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  if (!realDate || hour > 23 || minute > 59 || second > 59) throw new UsageError(`--received '${text}' is not a real date and time`);
  probe.setUTCHours(hour, minute, second, ms);
  return new Date(probe.getTime() - offsetMin * 60_000);
}

function parseCountry(value: string | true | undefined): ControllerCountry {
  const known = [...COUNTRIES].sort();
  if (value === undefined || value === true) throw new UsageError(`--country is required (${known.join(', ')})`);
  const upper = value.toUpperCase();
  if (!(known as string[]).includes(upper)) throw new UsageError(`unknown country '${value}': expected one of ${known.join(', ')}`);
  return upper as ControllerCountry;
}

function parsePeriod(flags: Record<string, string | true>): { period: DeadlinePeriod; label: string } {
  const extended = flags['extended'];
  const working = flags['working-days'];
  if (extended !== undefined && extended !== true) throw new UsageError('--extended takes no value');
  if (extended !== undefined && working !== undefined) throw new UsageError('--extended and --working-days cannot be used together');
  if (extended) return { period: { kind: 'months', months: 3 }, label: 'extended answer to a rights request (GDPR Art. 12(3))' };
  if (working !== undefined) {
    const text = String(working);
    const n = /^[1-9]\d*$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n) || n > MAX_WORKING_DAYS) {
      throw new UsageError(`--working-days must be a positive integer (at most ${MAX_WORKING_DAYS}), got '${text}'`);
    }
    return { period: { kind: 'working-days', days: n }, label: `${n} working day${n === 1 ? '' : 's'}` };
  }
  return { period: { kind: 'months', months: 1 }, label: 'answer to a rights request (GDPR Art. 12(3))' };
}

function render(country: ControllerCountry, timeZone: string, label: string, deadline: Deadline, extra: string[]): string {
  return [
    `Deadline: ${label}; controller country ${country}, time zone ${timeZone}.`,
    ...deadline.explanation,
    `Nominal end date ${deadline.nominalDate}${deadline.shifted.length > 0 ? `, moved to ${deadline.dueDate}` : ''}.`,
    ...extra,
    deadline.dueDate,
  ].join('\n') + '\n';
}

export const command: Command = {
  name: ['deadline'],
  summary: 'Compute a legal deadline (GDPR Art. 12(3), Regulation 1182/71) in the controller\'s calendar',
  usage: USAGE,
  async run(args: string[]): Promise<number> {
    const { flags, positional } = parseArgs(args, ['extended']);
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'; usage: ${USAGE}`);
    const unknown = Object.keys(flags).find((k) => !KNOWN_FLAGS.includes(k));
    if (unknown !== undefined) throw new UsageError(`unknown option --${unknown}; usage: ${USAGE}`);
    const country = parseCountry(flags['country']);
    const receivedText = flags['received'];
    if (receivedText === undefined || receivedText === true) throw new UsageError(`--received is required (an ISO-8601 instant with a zone offset, ${EXAMPLE})`);
    const received = parseInstant(receivedText);
    const { period, label } = parsePeriod(flags);

    const timeZone = COUNTRY_CATALOGUE[country].timeZone.zone;
    const deadline = computeDeadline({ country, timeZone, received, period });
    const extra: string[] = [];
    if (period.kind === 'months' && period.months === 3) {
      const first = oneMonthDeadline({ country, timeZone, received });
      extra.push(`The data subject must be told of the extension, with reasons, within the first month (GDPR Art. 12(3)): by ${first.dueDate}.`);
    }
    process.stdout.write(render(country, timeZone, label, deadline, extra));
    return 0;
  },
};
