/**
 * The seeded reference data set: a workspace with channels, teams, users, contacts, broadcasts and
 * a year of messages with a daily and weekly rhythm, a per-channel delivery funnel, real provider
 * errors and late receipts beyond the 30-day window. Same options ⇒ the same data everywhere.
 */
import type { ChannelKind, MessageType, Source } from '../../src/core/contract/types.js';
import { addDays, isValidTimeZone, isoWeekday, localDate, startOfDay, type PlainDate } from '../../src/core/query/zoned-time.js';
import { at, required } from '../checked.js';
import { createRandom, type Random } from './prng.js';
import type {
  Dataset,
  DatasetBroadcast,
  DatasetChannel,
  DatasetContact,
  DatasetMessage,
  DatasetOptions,
  DatasetTeam,
  DatasetUser,
} from './types.js';
import {
  BROADCAST_PLANS,
  CHANNEL_SEEDS,
  FACEBOOK_TAGS,
  FIRST_NAMES_ES,
  FIRST_NAMES_PT,
  HOSTILE_BROADCAST_NAMES,
  HOSTILE_CHANNEL_NAMES,
  HOSTILE_NAMES,
  HOSTILE_TEAM_NAMES,
  HOSTILE_TEMPLATE_NAMES,
  HOSTILE_TEXTS,
  HOSTILE_USER_NAMES,
  LAST_NAMES_ES,
  LAST_NAMES_PT,
  MONTHS_ES,
  PROVIDER_ERRORS,
  TEAM_NAMES,
  TEMPLATES,
  TEXTS,
  USER_SEEDS,
  type ChannelSeed,
} from './vocabulary.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEFAULT_SEED = 1;
export const DEFAULT_MONTHS = 13;
export const DEFAULT_MESSAGES_PER_DAY = 75;
export const DEFAULT_TIMEZONE = 'America/Mexico_City';
const CONTACT_COUNT = 400;

/** Relative traffic per local hour (0–23): quiet nights, a late-morning and an afternoon peak. */
const HOUR_WEIGHTS = [
  0.15, 0.08, 0.05, 0.04, 0.05, 0.12, 0.35, 0.7, 1.2, 1.7, 1.9, 1.95, 1.8, 1.5, 1.45, 1.6, 1.7, 1.6, 1.4, 1.2, 1.05, 0.9, 0.6, 0.3,
];
/** Relative traffic per ISO weekday (index 1 = Monday … 7 = Sunday); averages 1. */
const WEEKDAY_WEIGHTS = [0, 1.15, 1.2, 1.15, 1.1, 1.05, 0.75, 0.6];
/** How many messages a contact sends in a row, first and later in a conversation. */
const FIRST_BURST = [
  [1, 4],
  [2, 3],
  [3, 1.5],
  [4, 0.6],
  [6, 0.2],
] as const;
const LATER_BURST = [
  [1, 4],
  [2, 1.2],
  [3, 0.3],
] as const;
const ROUNDS = [
  [1, 4],
  [2, 3],
  [3, 1.5],
] as const;
const HOUR_CHOICES = HOUR_WEIGHTS.map((weight, hour) => [hour, weight] as const);

/** Share of all messages that broadcasts send, and of the rest that automations send. */
const BROADCAST_SHARE = 0.08;
const AUTOMATED_SHARE = 0.12;

/** `now` rounded up to the next whole UTC hour: the default end of the data. */
export function defaultEnd(now: number = Date.now()): number {
  return Math.ceil(now / HOUR) * HOUR;
}

/** Fills in every option's default. */
export function resolveDatasetOptions(options: DatasetOptions = {}): Required<DatasetOptions> {
  const resolved: Required<DatasetOptions> = {
    seed: options.seed ?? DEFAULT_SEED,
    end: options.end ?? defaultEnd(),
    months: options.months ?? DEFAULT_MONTHS,
    messagesPerDay: options.messagesPerDay ?? DEFAULT_MESSAGES_PER_DAY,
    hostile: options.hostile ?? false,
    timezone: options.timezone ?? DEFAULT_TIMEZONE,
  };
  if (!Number.isFinite(resolved.end)) throw new RangeError(`end must be an epoch-ms number, got ${resolved.end}`);
  if (!Number.isInteger(resolved.months) || resolved.months < 0) throw new RangeError('months must be a whole number ≥ 0');
  if (!(resolved.messagesPerDay >= 0)) throw new RangeError('messagesPerDay must be ≥ 0');
  // Quoted, so that stray spaces show. (isValidTimeZone's guard types a rejected string as never.)
  if (!isValidTimeZone(resolved.timezone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(resolved.timezone)}`);
  return resolved;
}

/**
 * How far generation is, from 0 to 1: told after each day of messages and after the sort, so a
 * progress bar moves during the seconds a large set takes.
 */
export type GenerationProgress = (fraction: number) => void;

/**
 * Shares of the time generation takes, measured on 1,000,000 messages: the days (~78 %), then
 * sorting them (~16 %), then giving them ids (the rest).
 */
const DAYS_SHARE = 0.78;
const SORTED_SHARE = 0.94;

/**
 * Builds the data set. Deterministic for the same options (pass `end` to pin it); `onProgress`
 * only observes.
 */
export function generateDataset(options: DatasetOptions = {}, onProgress: GenerationProgress = () => {}): Dataset {
  const opts = resolveDatasetOptions(options);
  const tz = opts.timezone;
  const root = createRandom(opts.seed);

  const lastDay = localDate(opts.end - 1, tz);
  const firstDay = shiftMonths(lastDay, -opts.months);
  const start = Math.min(startOfDay(firstDay, tz), opts.end);

  const lookups = buildLookups(root.fork('lookups'));
  const raw = new MessageFactory(lookups, opts, start, root.fork('messages'));
  raw.generate(firstDay, lastDay, (fraction) => onProgress(fraction * DAYS_SHARE));
  const messages = raw.finish(() => onProgress(SORTED_SHARE));
  onProgress(1);

  const dataset: Dataset = {
    options: opts,
    workspace: { id: 'ws_1', name: 'Tienda Ejemplo S.A. de C.V.', timezone: tz },
    start,
    end: opts.end,
    ...lookups,
    broadcasts: raw.broadcasts,
    messages,
  };
  if (opts.hostile) makeHostile(dataset, root.fork('hostile'));
  return dataset;
}

interface Lookups {
  channels: DatasetChannel[];
  teams: DatasetTeam[];
  users: DatasetUser[];
  contacts: DatasetContact[];
}

function buildLookups(rng: Random): Lookups {
  const seeded = CHANNEL_SEEDS.map((seed, i) => ({
    seed,
    channel: { id: `ch_${i + 1}`, name: seed.name, kind: seed.kind, reports: [...seed.reports] } satisfies DatasetChannel,
  }));
  const channels: DatasetChannel[] = seeded.map(({ channel }) => channel);
  const teams = TEAM_NAMES.map((name, i) => ({ id: `t_${i + 1}`, name }));
  const users = USER_SEEDS.map(([name, team], i) => ({ id: `u_${i + 1}`, name, teamId: at(teams, team).id }));

  const channelsFor = (locale: 'es' | 'pt') =>
    seeded.filter(({ seed }) => seed.locale === locale).map(({ seed, channel }) => [channel.id, seed.weight] as const);
  const esChannels = channelsFor('es');
  const ptChannels = channelsFor('pt');
  const names = new Set<string>();
  const contacts: DatasetContact[] = [];
  while (contacts.length < CONTACT_COUNT) {
    const locale = rng.chance(0.18) ? 'pt' : 'es';
    const first = rng.pick(locale === 'pt' ? FIRST_NAMES_PT : FIRST_NAMES_ES);
    const lastNames = locale === 'pt' ? LAST_NAMES_PT : LAST_NAMES_ES;
    const last = locale === 'es' || rng.chance(0.5) ? `${rng.pick(lastNames)} ${rng.pick(lastNames)}` : rng.pick(lastNames);
    const name = `${first} ${last}`;
    if (names.has(name)) continue;
    names.add(name);
    contacts.push({
      id: `c_${contacts.length + 1}`,
      name,
      locale,
      channelId: rng.weighted(locale === 'pt' ? ptChannels : esChannels),
    });
  }
  return { channels, teams, users, contacts };
}

/** The same day-of-month `months` months away, clamped to the month's length. */
function shiftMonths(date: PlainDate, months: number): PlainDate {
  const first = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  const lastOfMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: Math.min(date.day, lastOfMonth) };
}

type Draft = Omit<DatasetMessage, 'id'> & { seq: number };

interface Assignment {
  userId: string | null;
  teamId: string | null;
}

class MessageFactory {
  readonly broadcasts: DatasetBroadcast[] = [];
  private readonly drafts: Draft[] = [];
  private readonly channelById = new Map<string, { channel: DatasetChannel; seed: ChannelSeed }>();
  private readonly contactCumulative: number[] = [];
  private readonly assignments = new Map<string, Assignment>();
  private readonly usersByTeam = new Map<string, DatasetUser[]>();
  private readonly channelsByLocale: Record<'es' | 'pt', string[]> = { es: [], pt: [] };

  constructor(
    private readonly lookups: Lookups,
    private readonly opts: Required<DatasetOptions>,
    private readonly start: number,
    private readonly rng: Random,
  ) {
    lookups.channels.forEach((channel, i) => {
      const seed = at(CHANNEL_SEEDS, i);
      this.channelById.set(channel.id, { channel, seed });
      this.channelsByLocale[seed.locale].push(channel.id);
    });
    // A long tail: a few contacts write a lot, most write now and then.
    let sum = 0;
    for (let i = 0; i < lookups.contacts.length; i++) {
      const x = rng.next();
      sum += 0.05 + x * x * x * x;
      this.contactCumulative.push(sum);
    }
    for (const user of lookups.users) {
      const list = this.usersByTeam.get(user.teamId) ?? [];
      list.push(user);
      this.usersByTeam.set(user.teamId, list);
    }
    for (const contact of lookups.contacts) {
      this.assignments.set(contact.id, rng.chance(0.8) ? this.randomAssignee(contact) : { userId: null, teamId: null });
    }
  }

  generate(firstDay: PlainDate, lastDay: PlainDate, onProgress: GenerationProgress): void {
    if (this.opts.messagesPerDay <= 0 || this.start >= this.opts.end) return;
    const days: { date: PlainDate; start: number; end: number }[] = [];
    for (let date = firstDay, start = startOfDay(date, this.opts.timezone); ;) {
      const next = addDays(date, 1);
      const end = startOfDay(next, this.opts.timezone);
      days.push({ date, start, end });
      if (date.year === lastDay.year && date.month === lastDay.month && date.day === lastDay.day) break;
      date = next;
      start = end;
    }
    this.planBroadcasts(days);
    days.forEach((day, index) => {
      this.generateDay(day, index / Math.max(1, days.length - 1));
      onProgress((index + 1) / days.length);
    });
  }

  /** Sorts by time, assigns ids in that order, applies the end of data; `onSorted` between the two. */
  finish(onSorted: () => void): DatasetMessage[] {
    const kept = this.drafts.filter((d) => d.ts >= this.start && d.ts < this.opts.end);
    kept.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
    onSorted();
    const width = Math.max(8, String(kept.length).length);
    return kept.map((d, i) => ({
      id: `m_${String(i + 1).padStart(width, '0')}`,
      ts: d.ts,
      direction: d.direction,
      channelId: d.channelId,
      contactId: d.contactId,
      content: d.content,
      source: d.source,
      type: d.type,
      subtype: d.subtype,
      userId: d.userId,
      teamId: d.teamId,
      broadcastId: d.broadcastId,
      deliveredAt: d.deliveredAt,
      readAt: d.readAt,
      error: d.error,
    }));
  }

  // ---- volume and timing ------------------------------------------------------------------------

  private dayFactor(date: PlainDate, progress: number): number {
    let factor = at(WEEKDAY_WEIGHTS, isoWeekday(date)) * (0.8 + 0.4 * progress);
    if (date.month === 12) factor *= 1.15;
    if (date.month === 1) factor *= 0.9;
    if (date.month === 11 && date.day >= 13 && date.day <= 17) factor *= 1.6; // El Buen Fin
    return factor * this.rng.float(0.85, 1.15);
  }

  /** An instant in the day, following the hourly rhythm (`flatten` mixes in a uniform share). */
  private timeInDay(day: { start: number; end: number }, flatten = 0): number {
    const hour = this.rng.chance(flatten) ? this.rng.int(0, 23) : this.rng.weighted(HOUR_CHOICES);
    const length = day.end - day.start;
    return day.start + Math.floor(((hour + this.rng.next()) / 24) * length);
  }

  private pickContact(): DatasetContact {
    const cumulative = this.contactCumulative;
    const roll = this.rng.next() * at(cumulative, cumulative.length - 1);
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (at(cumulative, mid) > roll) high = mid;
      else low = mid + 1;
    }
    return at(this.lookups.contacts, low);
  }

  private randomAssignee(contact: DatasetContact): Assignment {
    const teams = this.lookups.teams;
    const team = contact.locale === 'pt' ? at(teams, 4) : this.rng.pick(teams.slice(0, 4));
    // A few conversations sit in a team's queue with no agent yet.
    if (this.rng.chance(0.08)) return { userId: null, teamId: team.id };
    const user = this.rng.pick(this.teamUsers(team.id));
    return { userId: user.id, teamId: user.teamId };
  }

  // ---- generation -------------------------------------------------------------------------------

  private generateDay(day: { date: PlainDate; start: number; end: number }, progress: number): void {
    const volume = this.opts.messagesPerDay * this.dayFactor(day.date, progress);
    const threadTarget = volume * (1 - BROADCAST_SHARE - AUTOMATED_SHARE);
    let produced = 0;
    while (produced < threadTarget) produced += this.thread(day);
    const automated = Math.floor(volume * AUTOMATED_SHARE + this.rng.next());
    for (let i = 0; i < automated; i++) this.automated(day);
  }

  /** One conversation: the contact writes, a bot and/or an agent answer. Returns messages made. */
  private thread(day: { date: PlainDate; start: number; end: number }): number {
    const rng = this.rng;
    const contact = this.pickContact();
    const locale = contact.locale;
    const channelId = rng.chance(0.92) ? contact.channelId : rng.pick(this.channelsByLocale[locale]);
    let t = this.timeInDay(day);
    const localHour = Math.floor(((t - day.start) / (day.end - day.start)) * 24);
    const afterHours = localHour < 8 || localHour >= 21 || isoWeekday(day.date) === 7;
    let assignment = required(this.assignments.get(contact.id), `assignment of ${contact.id}`);
    if (rng.chance(0.12)) {
      assignment = rng.chance(0.75) ? this.randomAssignee(contact) : { userId: null, teamId: null };
      this.assignments.set(contact.id, assignment);
    }
    let count = 0;
    const incoming = (n: number) => {
      for (let i = 0; i < n; i++) {
        t += i === 0 ? 0 : rng.int(4, 90) * SECOND;
        const draft = this.blank(t, 'incoming', channelId, contact.id);
        draft.content = this.fill(rng.pick(TEXTS.incoming[locale]), contact);
        draft.userId = assignment.userId;
        draft.teamId = assignment.teamId;
        this.push(draft);
        count++;
      }
    };
    const outgoing = (source: Source, text: string, userId: string | null = null, teamId: string | null = null) => {
      this.push(this.outgoing(t, channelId, contact, source, 'session', null, this.fill(text, contact), userId, teamId));
      count++;
    };

    incoming(rng.weighted(FIRST_BURST));
    const botFirst = afterHours ? rng.chance(0.9) : rng.chance(0.45);
    if (botFirst) {
      const replies = rng.chance(0.3) ? 2 : 1;
      for (let i = 0; i < replies; i++) {
        t += rng.int(1, 4) * SECOND;
        outgoing('bot', rng.pick(TEXTS.bot[locale]));
      }
    }
    const agentHandles = afterHours ? rng.chance(0.15) : rng.chance(0.88);
    if (agentHandles) {
      if (!assignment.userId) {
        // Answering a conversation assigns it to the agent who answers.
        const pool = assignment.teamId ? this.teamUsers(assignment.teamId) : this.lookups.users;
        const user = rng.pick(contact.locale === 'pt' ? this.teamUsers('t_5') : pool);
        assignment = { userId: user.id, teamId: user.teamId };
        this.assignments.set(contact.id, assignment);
      }
      const rounds = rng.weighted(ROUNDS);
      for (let r = 0; r < rounds; r++) {
        t += (rng.chance(0.9) ? rng.int(30, 12 * 60) : rng.int(12 * 60, 3 * 3600)) * SECOND;
        const replies = rng.chance(0.25) ? 2 : 1;
        for (let i = 0; i < replies; i++) {
          if (i > 0) t += rng.int(5, 60) * SECOND;
          outgoing('user', rng.pick(TEXTS.user[locale]), assignment.userId, assignment.teamId);
        }
        if (r < rounds - 1 || rng.chance(0.5)) {
          t += rng.int(20, 15 * 60) * SECOND;
          incoming(rng.weighted(LATER_BURST));
        }
      }
    }
    if (rng.chance(0.06)) {
      // The business answered from its phone app: an echo.
      t += rng.int(1, 40) * MINUTE;
      outgoing('echo', rng.pick(TEXTS.echo[locale]));
    }
    if (agentHandles && rng.chance(0.08)) {
      // A follow-up outside the 24-hour window needs a template or a tag.
      t += rng.int(20, 50) * HOUR;
      const kind = this.channelSeed(channelId).kind;
      const [type, subtype, text] =
        kind === 'whatsapp'
          ? this.template(
              locale,
              locale === 'pt' ? ['atualizacao_pedido', 'pesquisa_satisfacao'] : ['seguimiento_envio', 'encuesta_satisfaccion'],
            )
          : kind === 'facebook'
            ? (['facebook_message_tag', 'HUMAN_AGENT', this.facebookTag('HUMAN_AGENT')] as const)
            : (['session', null, rng.pick(TEXTS.user[locale])] as const);
      this.push(
        this.outgoing(t, channelId, contact, 'user', type, subtype, this.fill(text, contact), assignment.userId, assignment.teamId),
      );
      count++;
    }
    return count;
  }

  /** A message from a workflow, the API or Zapier. */
  private automated(day: { date: PlainDate; start: number; end: number }): void {
    const rng = this.rng;
    const source = rng.weighted<Source>([
      ['workflow', 55],
      ['api', 30],
      ['zapier', 15],
    ]);
    const contact = this.pickContact();
    const channelId = contact.channelId;
    const kind = this.channelSeed(channelId).kind;
    const t = this.timeInDay(day, source === 'api' ? 0.3 : 0.1);
    const locale = contact.locale;
    let type: MessageType = 'session';
    let subtype: string | null = null;
    let text: string = rng.pick(TEXTS.automated[locale]);
    const templateShare = source === 'workflow' ? 0.6 : source === 'api' ? 0.85 : 0.7;
    if (kind === 'whatsapp' && rng.chance(templateShare)) {
      const names =
        locale === 'pt'
          ? ['lembrete_pagamento', 'atualizacao_pedido', 'pesquisa_satisfacao']
          : source === 'api'
            ? ['codigo_verificacion', 'seguimiento_envio', 'confirmacion_pedido', 'recordatorio_pago']
            : ['confirmacion_pedido', 'recordatorio_cita', 'bienvenida_cliente', 'encuesta_satisfaccion'];
      [type, subtype, text] = this.template(locale, names);
    } else if (kind === 'facebook' && rng.chance(source === 'api' ? 0.6 : 0.4)) {
      type = 'facebook_message_tag';
      subtype = rng.pick(['CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE']);
      text = this.facebookTag(subtype);
    }
    this.push(this.outgoing(t, channelId, contact, source, type, subtype, this.fill(text, contact)));
  }

  private template(locale: 'es' | 'pt', names: string[]): ['whatsapp_template', string, string] {
    const name = this.rng.pick(names.filter((n) => this.templateText(n).locale === locale));
    return ['whatsapp_template', name, this.templateText(name).text];
  }

  private templateText(name: string): { locale: 'es' | 'pt'; text: string } {
    return required(TEMPLATES[name], `template ${name}`);
  }

  private facebookTag(tag: string): string {
    return required(FACEBOOK_TAGS[tag], `Facebook message tag ${tag}`);
  }

  private channelSeed(channelId: string): ChannelSeed {
    return required(this.channelById.get(channelId), `channel ${channelId}`).seed;
  }

  private teamUsers(teamId: string): DatasetUser[] {
    return required(this.usersByTeam.get(teamId), `users of team ${teamId}`);
  }

  /** Spreads broadcasts over the range: about three or four a month, on weekday mornings. */
  private planBroadcasts(days: { date: PlainDate; start: number; end: number }[]): void {
    const rng = this.rng;
    const candidates = days.filter((d) => {
      const weekday = isoWeekday(d.date);
      return weekday >= 2 && weekday <= 4;
    });
    if (candidates.length === 0) return;
    const count = Math.max(1, Math.round((days.length / 30.4) * 3.5));
    const totalMessages = this.opts.messagesPerDay * days.length * BROADCAST_SHARE;
    const perBroadcast = totalMessages / count;
    const picked = new Set<number>();
    while (picked.size < Math.min(count, candidates.length)) picked.add(rng.int(0, candidates.length - 1));
    const usedNames = new Map<string, number>();
    for (const index of [...picked].sort((a, b) => a - b)) {
      const day = at(candidates, index);
      const plan = rng.weighted(BROADCAST_PLANS.map((p) => [p, p.weight] as const));
      const channel = at(this.lookups.channels, plan.channel);
      const locale = at(CHANNEL_SEEDS, plan.channel).locale;
      const sentAt = day.start + Math.floor(((rng.int(9, 11) + rng.next()) / 24) * (day.end - day.start));
      let name = `${plan.name} ${MONTHS_ES[day.date.month - 1]} ${day.date.year}`;
      const seen = (usedNames.get(name) ?? 0) + 1;
      usedNames.set(name, seen);
      if (seen > 1) name = `${name} (${seen})`;
      const broadcast: DatasetBroadcast = {
        id: `b_${this.broadcasts.length + 1}`,
        name,
        channelId: channel.id,
        sentAt,
        subtype: plan.subtype,
      };
      this.broadcasts.push(broadcast);

      const audience = this.lookups.contacts.filter((c) => c.locale === locale);
      const size = Math.min(audience.length, Math.max(1, Math.round(perBroadcast * rng.float(0.6, 1.4))));
      // Partial Fisher–Yates: the first `size` are a uniform sample without repeats.
      const pool = [...audience];
      for (let i = 0; i < size; i++) {
        const j = rng.int(i, pool.length - 1);
        [pool[i], pool[j]] = [at(pool, j), at(pool, i)];
      }
      const type: MessageType =
        channel.kind === 'whatsapp'
          ? 'whatsapp_template'
          : channel.kind === 'facebook' && plan.subtype
            ? 'facebook_message_tag'
            : 'session';
      const text =
        plan.text ??
        (channel.kind === 'whatsapp'
          ? this.templateText(required(plan.subtype, `template of ${plan.name}`)).text
          : this.facebookTag(required(plan.subtype, `tag of ${plan.name}`)));
      for (const [i, contact] of pool.slice(0, size).entries()) {
        // Providers take about 25 messages a second: many share a timestamp.
        const t = sentAt + Math.floor(i / 25) * SECOND;
        const draft = this.outgoing(
          t,
          channel.id,
          contact,
          'broadcast',
          type,
          type === 'session' ? null : plan.subtype,
          this.fill(text, contact),
        );
        draft.broadcastId = broadcast.id;
        this.push(draft);
      }
    }
  }

  // ---- message construction ---------------------------------------------------------------------

  private blank(ts: number, direction: 'incoming' | 'outgoing', channelId: string, contactId: string): Draft {
    return {
      seq: 0,
      ts,
      direction,
      channelId,
      contactId,
      content: '',
      source: null,
      type: null,
      subtype: null,
      userId: null,
      teamId: null,
      broadcastId: null,
      deliveredAt: null,
      readAt: null,
      error: null,
    };
  }

  private outgoing(
    ts: number,
    channelId: string,
    contact: DatasetContact,
    source: Source,
    type: MessageType,
    subtype: string | null,
    content: string,
    userId: string | null = null,
    teamId: string | null = null,
  ): Draft {
    const draft = this.blank(ts, 'outgoing', channelId, contact.id);
    draft.source = source;
    draft.type = type;
    draft.subtype = subtype;
    draft.content = content;
    draft.userId = userId;
    draft.teamId = teamId;
    this.deliver(draft);
    return draft;
  }

  private push(draft: Draft): void {
    draft.seq = this.drafts.length;
    this.drafts.push(draft);
  }

  /** Runs the delivery funnel of the message's channel, with late receipts now and then. */
  private deliver(draft: Draft): void {
    const rng = this.rng;
    const seed = this.channelSeed(draft.channelId);
    const reports = seed.reports;
    let failRate = seed.failRate;
    if (draft.source === 'broadcast') failRate *= 1.8;
    if (draft.source === 'echo') failRate = 0;
    if (reports.includes('failed') && rng.chance(failRate)) {
      draft.error = this.providerError(seed.kind, draft.type);
      return;
    }
    if (!reports.includes('delivered') || !rng.chance(seed.deliverRate)) return;
    const late = rng.chance(0.012);
    const deliveredAt =
      draft.ts +
      (late
        ? (30 * 24 * 3600 + rng.int(3600, 20 * 24 * 3600)) * SECOND // phone off for a month
        : rng.chance(0.7)
          ? rng.int(1, 10) * SECOND
          : rng.chance(0.85)
            ? rng.int(10, 1800) * SECOND
            : rng.int(1800, 3 * 24 * 3600) * SECOND) +
      rng.int(0, 999);
    if (deliveredAt >= this.opts.end) return; // not happened yet
    draft.deliveredAt = deliveredAt;
    const readRate = draft.source === 'broadcast' ? seed.readRate * 0.75 : seed.readRate;
    if (!reports.includes('read') || !rng.chance(readRate)) return;
    let readAt: number;
    if (!late && rng.chance(0.04)) {
      // Read more than 30 days after sending: it stays "delivered" in the report.
      readAt = draft.ts + DAY * 30 + rng.int(3600, 25 * 24 * 3600) * SECOND;
    } else {
      const roll = rng.next();
      const delay = roll < 0.4 ? rng.int(2, 300) : roll < 0.7 ? rng.int(300, 3 * 3600) : rng.int(3 * 3600, 5 * 24 * 3600);
      readAt = deliveredAt + delay * SECOND + rng.int(0, 999);
    }
    if (readAt < this.opts.end) draft.readAt = readAt;
  }

  private providerError(kind: ChannelKind, type: MessageType | null): DatasetMessage['error'] {
    const family = type === 'session' ? 'session' : 'template';
    const options = (PROVIDER_ERRORS[kind] ?? []).filter(([e]) => !e.only || e.only === family);
    if (options.length === 0) return { code: 'unknown', message: 'Unknown error' };
    const { code, message } = this.rng.weighted(options);
    return { code, message };
  }

  private fill(text: string, contact: DatasetContact): string {
    const rng = this.rng;
    return text.replace(/\{(nombre|pedido|monto|fecha|hora|codigo|mes)\}/g, (_, key: string) => {
      switch (key) {
        case 'nombre':
          return at(contact.name.split(' '), 0);
        case 'pedido':
          return String(rng.int(10000, 99999));
        case 'monto': {
          const amount = rng.int(150, 12000);
          return `${amount >= 1000 ? `${Math.floor(amount / 1000)},${String(amount % 1000).padStart(3, '0')}` : amount}.00`;
        }
        case 'fecha':
          return `${String(rng.int(1, 28)).padStart(2, '0')}/${String(rng.int(1, 12)).padStart(2, '0')}`;
        case 'hora':
          return `${rng.int(9, 18)}:${rng.pick(['00', '15', '30', '45'])}`;
        case 'codigo':
          return String(rng.int(100000, 999999));
        default:
          return at(MONTHS_ES, rng.int(0, 11));
      }
    });
  }
}

/** The hostile name of a template that has one, else the subtype as it is. */
function hostileTemplateName(subtype: string | null): string | null {
  return (subtype !== null ? HOSTILE_TEMPLATE_NAMES[subtype] : undefined) ?? subtype;
}

/**
 * Swaps hostile strings into names and contents. Runs on its own random stream after generation,
 * so a hostile set has exactly the clean set's structure (same ids, times, funnel).
 */
function makeHostile(dataset: Dataset, rng: Random): void {
  const channelTargets = [6, 11, 2, 10]; // webchat, Viber, WhatsApp Brasil, LINE
  channelTargets.forEach((index, i) => {
    const channel = dataset.channels[index];
    if (channel) channel.name = at(HOSTILE_CHANNEL_NAMES, i);
  });
  HOSTILE_TEAM_NAMES.forEach((name, i) => {
    const team = dataset.teams[i + 1];
    if (team) team.name = name;
  });
  HOSTILE_USER_NAMES.forEach((name, i) => {
    const user = dataset.users[i * 3 + 1];
    if (user) user.name = name;
  });
  dataset.contacts.forEach((contact, i) => {
    if (i % 9 === 4) contact.name = at(HOSTILE_NAMES, Math.floor(i / 9) % HOSTILE_NAMES.length);
  });
  dataset.broadcasts.forEach((broadcast, i) => {
    if (i % 4 === 1) broadcast.name = at(HOSTILE_BROADCAST_NAMES, Math.floor(i / 4) % HOSTILE_BROADCAST_NAMES.length);
    broadcast.subtype = hostileTemplateName(broadcast.subtype);
  });
  let next = 0;
  for (const message of dataset.messages) {
    message.subtype = hostileTemplateName(message.subtype);
    // Every hostile text appears at least once, then at random.
    if (next < HOSTILE_TEXTS.length && rng.chance(0.2)) message.content = at(HOSTILE_TEXTS, next++);
    else if (rng.chance(0.03)) message.content = rng.pick(HOSTILE_TEXTS);
  }
}
