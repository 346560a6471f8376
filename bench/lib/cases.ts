/**
 * One generated case and everything the app would have written for it by the time it reached
 * its current state: the case row, its parties (sealed as the app seals them), its events with
 * the app's summaries, its links, its register-book line for a visit in person, and its
 * statutory deadlines computed by the app's own engine (`modules/cases/deadlines.ts`) on the
 * agency's working calendar as of `today`.
 */
import { createHash } from 'node:crypto';
import {
  CASE_CHANNEL_LABELS,
  CASE_KIND_LABELS,
  type CaseChannel,
  type CaseKind,
  NOT_ACCEPTED_REASONS,
  PROTECTED_PARTY_ROLES,
  type PartyRole,
  type TIdentity,
} from '../../src/contracts/cases';
import { addDays, compareIsoDates } from '../../src/domain';
import { COMPLEXITY_CRITERIA, computeDeadline } from '../../src/domain/deadlines';
import type { WorkingCalendar } from '../../src/domain/working-days';
import { caseDeadlineSpecs, computeCaseDeadlines, type EventFact } from '../../src/server/modules/cases/deadlines';
import { sealIdentity } from '../../src/server/platform/identity-crypto';
import { foldVietnamese } from '../../src/domain/text';
import type { Rand } from './rand';
import { type Exec, Sink } from './sink';
import { address, FORWARD_SOURCES, fill, idNumber, personName, phone, TOPICS, type Topic, commune } from './vi';

export type Person = { id: string; name: string };
export type OrgUnit = { id: string; name: string; validFrom: string; validTo: string | null; members: Person[] };
export type Agency = {
  tenantId: string;
  /** Seed and agency number: what makes its tracking codes its own. */
  key: string;
  abbr: string;
  office: Person;
  head: Person;
  units: OrgUnit[];
  /** Reception sessions by date (a visit on that day is written in that session). */
  sessionByDate: Map<string, string>;
  /** Next number per "KN-2024-" prefix and per register year. */
  nextCode: Map<string, number>;
  nextSeq: Map<number, number>;
  nextDecision: Map<number, number>;
  /** Earlier cases a later one may repeat, duplicate or appeal. */
  recent: { id: string; kind: CaseKind; decidedOn: string | null; instance: number; receivedOn: string }[];
};

export type Sinks = {
  cases: Sink;
  identities: Sink;
  events: Sink;
  deadlines: Sink;
  links: Sink;
  entries: Sink;
};

/** The buffered writers of every table a generated case writes to, through `exec`. */
export function caseSinks(exec: Exec): Sinks {
  return {
    cases: new Sink('cases', exec),
    identities: new Sink('protected_identities', exec),
    events: new Sink('case_events', exec),
    deadlines: new Sink('case_deadlines', exec),
    links: new Sink('case_links', exec),
    entries: new Sink('reception_entries', exec),
  };
}

const CODE_PREFIX: Record<CaseKind, string> = { complaint: 'KN', denunciation: 'TC', petition: 'KNG', feedback: 'PA' };
const MAIN_ROLE: Record<CaseKind, PartyRole> = {
  complaint: 'complainant',
  denunciation: 'denouncer',
  petition: 'petitioner',
  feedback: 'petitioner',
};
const at = (day: string, minute: number) =>
  `${day}T${String(1 + (Math.floor(minute / 60) % 9)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;

function identity(r: Rand): TIdentity {
  const p = personName(r);
  return {
    name: p.name,
    address: address(r),
    phone: r.chance(0.8) ? phone(r) : null,
    email: r.chance(0.15) ? `nguoidan${r.int(100, 99999)}@gmail.com` : null,
    idNumber: r.chance(0.7) ? idNumber(r) : null,
  };
}

function nextNo(m: Map<number, number>, year: number): number {
  const n = (m.get(year) ?? 0) + 1;
  m.set(year, n);
  return n;
}

/** Generate one case received on `receivedOn` into the sinks. */
export function generateCase(
  r: Rand,
  a: Agency,
  sinks: Sinks,
  cal: WorkingCalendar,
  receivedOn: string,
  today: string,
): { events: number; deadlines: number } {
  const tenantId = a.tenantId;
  const kind = r.weighted<CaseKind>([
    ['complaint', 30],
    ['denunciation', 12],
    ['petition', 28],
    ['feedback', 30],
  ]);
  let channel = r.weighted<CaseChannel>([
    ['in_person', 20],
    ['letter', 30],
    ['portal', 15],
    ['hotline', 8],
    ['email', 12],
    ['forwarded', 15],
  ]);
  if (kind === 'complaint' && channel === 'hotline') channel = 'letter';
  let R = receivedOn;
  // A visit in person is mostly on a reception day of the schedule (Law 42/2013 Art. 18).
  if (channel === 'in_person' && r.chance(0.5)) {
    for (let d = 0; d < 7; d++) {
      const day = addDays(receivedOn, -d);
      if (a.sessionByDate.has(day)) {
        R = day;
        break;
      }
    }
  }
  const year = Number(R.slice(0, 4));
  const topic: Topic = r.weighted(TOPICS.map((t) => [t, t.weight] as const));
  const citizen = identity(r);
  const place = commune(r).commune;
  const who = `${citizen.name}`;
  const subject = fill(r, r.pick(topic[kind]), who, place).normalize('NFC');
  const details = [fill(r, r.pick(topic.details), who, place)];
  if (r.chance(0.5)) details.push(fill(r, r.pick(topic.details), who, place));
  const content =
    `${r.chance(0.5) ? 'Ông' : 'Bà'} ${citizen.name}, trú tại ${citizen.address}, trình bày: ${details.join(' ')} ${r.pick(topic.requests)}`.normalize(
      'NFC',
    );
  const anonymous = kind === 'denunciation' && channel !== 'in_person' && r.chance(0.1);
  const sourceBody = channel === 'forwarded' ? r.pick(FORWARD_SOURCES) : null;
  const id = r.uuid();
  const prefix = `${CODE_PREFIX[kind]}-${year}-`;
  const n = (a.nextCode.get(prefix) ?? 0) + 1;
  a.nextCode.set(prefix, n);
  const code = `${prefix}${String(n).padStart(4, '0')}`;
  // 60 bits of a hash of the agency and the register number: unique across the province.
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = createHash('sha256').update(`${a.key}:${code}`).digest();
  let tc = '';
  for (let i = 0; i < 12; i++) tc += alphabet[bytes[i]! % 32];
  const trackingCode = anonymous ? null : `${CODE_PREFIX[kind]}-${tc.slice(0, 4)}-${tc.slice(4, 8)}-${tc.slice(8, 12)}`;

  const c: Record<string, unknown> = {
    tenant_id: tenantId,
    id,
    code,
    tracking_code: trackingCode,
    kind,
    channel,
    status: 'received',
    received_on: R,
    subject,
    content,
    source_body: sourceBody,
    knowledge_on: kind === 'complaint' ? addDays(R, -r.int(3, 80)) : null,
    obstacle_from: null,
    obstacle_to: null,
    anonymous,
    remote: r.chance(0.08),
    about_regulation: kind === 'petition' && r.chance(0.05),
    instance: 1,
    first_instance_id: null,
    reception_entry_id: null,
    unit_id: null,
    handler_id: null,
    decision_maker_id: null,
    complexity: [] as string[],
    accepted_on: null,
    decided_on: null,
    outcome: null,
    public_answer: null,
    not_accepted_reasons: [] as string[],
    forwarded_to: null,
    closed_on: null,
    idempotency_key: null,
    attachment_ids: [],
    version: 1,
    created_at: at(R, r.int(0, 500)),
    updated_at: at(R, 520),
  };

  // Both directions, once per pair (the app links with ON CONFLICT DO NOTHING).
  const linked = new Set<string>();
  const link = (otherId: string, relation: 'duplicate' | 'repeat' | 'related', createdAt: unknown) => {
    if (linked.has(otherId)) return;
    linked.add(otherId);
    sinks.links.add({ tenant_id: tenantId, case_id: id, other_id: otherId, relation, created_at: createdAt });
    sinks.links.add({ tenant_id: tenantId, case_id: otherId, other_id: id, relation, created_at: createdAt });
  };

  // A second complaint about a first-instance decision (Law 02/2011 Art. 33).
  if (kind === 'complaint' && r.chance(0.06)) {
    const first = a.recent.find((x) => x.kind === 'complaint' && x.instance === 1 && x.decidedOn && compareIsoDates(x.decidedOn, R) < 0);
    if (first) {
      c.instance = 2;
      c.first_instance_id = first.id;
      c.knowledge_on = null;
      link(first.id, 'related', c.created_at);
    }
  }

  // Parties, sealed with the installation key as createCase seals them.
  const parties: { role: PartyRole; identity: TIdentity }[] = [];
  if (!anonymous && !(kind === 'feedback' && channel === 'hotline' && r.chance(0.5)))
    parties.push({ role: MAIN_ROLE[kind], identity: citizen });
  if (!anonymous && r.chance(0.15)) parties.push({ role: kind === 'denunciation' ? 'relative' : 'representative', identity: identity(r) });
  if (kind === 'denunciation' && r.chance(0.6)) parties.push({ role: 'denounced', identity: identity(r) });
  if (kind === 'complaint' && r.chance(0.1)) parties.push({ role: 'related', identity: identity(r) });

  // A visit in person is a line of the register book (Law 42/2013 Art. 25) that opens the case.
  let entry: Record<string, unknown> | null = null;
  if (channel === 'in_person' && r.chance(0.75)) {
    const seq = nextNo(a.nextSeq, year);
    const reply = computeDeadline('TCD-REPLY', { trigger: R }, () => cal);
    const repliedOn = addDays(R, r.int(2, 16));
    const replied = compareIsoDates(repliedOn, today) <= 0;
    entry = {
      tenant_id: tenantId,
      id: r.uuid(),
      year,
      seq_no: seq,
      session_id: a.sessionByDate.get(R) ?? null,
      received_on: R,
      group_size: r.chance(0.1) ? r.int(2, 6) : 1,
      protected: kind === 'denunciation',
      content,
      prior_handling: r.chance(0.3) ? 'Đã gửi đơn đến Ủy ban nhân dân xã nhưng chưa được giải quyết.' : null,
      request: r.pick(topic.requests),
      handling: `Tiếp nhận đơn, chuyển ${a.office.name} tham mưu xử lý theo quy định.`,
      documents_received: r.chance(0.5) ? `${String(r.int(1, 5)).padStart(2, '0')} bản chụp giấy tờ liên quan` : null,
      signed: true,
      officer_id: a.office.id,
      officer_name: a.office.name,
      reply_by: reply.due,
      reply_explanation: [...reply.explanation],
      replied_on: replied ? repliedOn : null,
      reply_outcome: replied
        ? r.weighted([
            ['accepted', 6],
            ['pending_verification', 2],
            ['forwarded', 1],
            ['refused', 1],
          ])
        : null,
      reply_note: replied ? 'Thông báo bằng văn bản cho người đến về việc tiếp nhận, xử lý nội dung.' : null,
      version: replied ? 2 : 1,
      created_at: at(R, r.int(0, 300)),
    };
    c.reception_entry_id = entry.id;
    sinks.entries.add(entry);
    const visitors = [citizen];
    for (const [i, v] of visitors.entries()) {
      const sealed = sealIdentity(v);
      sinks.identities.add({
        tenant_id: tenantId,
        id: r.uuid(),
        case_id: null,
        entry_id: entry.id,
        role: 'petitioner',
        ordinal: i + 1,
        protected: kind === 'denunciation',
        cipher: sealed.cipher,
        key_id: sealed.keyId,
        created_at: entry.created_at,
      });
    }
  }
  // The searchable names of the unprotected parties, as refreshCaseSearch writes them (issue #17).
  c.party_text = parties
    .filter((p) => !(kind === 'denunciation' && PROTECTED_PARTY_ROLES.includes(p.role)))
    .sort((a, b) => a.role.localeCompare(b.role))
    .map((p) => foldVietnamese(p.identity.name.normalize('NFC')))
    .join(' ');
  const counters = new Map<string, number>();
  for (const p of parties) {
    const ord = (counters.get(p.role) ?? 0) + 1;
    counters.set(p.role, ord);
    const sealed = sealIdentity(p.identity);
    sinks.identities.add({
      tenant_id: tenantId,
      id: r.uuid(),
      case_id: id,
      entry_id: null,
      role: p.role,
      ordinal: ord,
      // Law 25/2018 Art. 47(1): the denouncer and their relatives are protected.
      protected: kind === 'denunciation' && PROTECTED_PARTY_ROLES.includes(p.role),
      cipher: sealed.cipher,
      key_id: sealed.keyId,
      created_at: c.created_at,
    });
  }

  // The timeline: each step happens if its day has come.
  const events: Record<string, unknown>[] = [];
  let minute = 0;
  const event = (type: string, on: string, actor: Person | null, summary: string, extra: Record<string, unknown> = {}) => {
    events.push({
      tenant_id: tenantId,
      id: r.uuid(),
      case_id: id,
      type,
      on,
      actor_id: actor?.id ?? null,
      actor_name: actor?.name ?? 'Cổng thông tin công dân',
      summary: summary.normalize('NFC'),
      decision_no: null,
      attachment_id: null,
      note: null,
      data: {},
      at: at(on, minute++),
      ...extra,
    });
    c.updated_at = at(on, minute);
  };
  const office = channel === 'portal' ? null : a.office;
  event(
    'received',
    R,
    office,
    `Tiếp nhận ${CASE_KIND_LABELS[kind].vi.toLowerCase()} — ${CASE_CHANNEL_LABELS[channel].vi.toLowerCase()}${sourceBody ? ` (do ${sourceBody} chuyển đến)` : ''}`,
  );
  const close = (status: string, on: string) => {
    c.status = status;
    c.closed_on = on;
  };
  const decisionNo = (on: string, type: string) => `${nextNo(a.nextDecision, Number(on.slice(0, 4)))}/${type}-${a.abbr}`;
  const notYet = (on: string) => compareIsoDates(on, today) > 0;
  const work = (from: string, days: number) => cal.nextWorkingDayOnOrAfter(addDays(from, days));

  if (anonymous) {
    close('information', R);
    event(
      'information',
      R,
      office,
      'Tố cáo nặc danh: không xử lý theo Luật Tố cáo, lưu làm thông tin phục vụ thanh tra, kiểm tra (Luật Tố cáo 2018, Điều 25)',
    );
  } else {
    timeline();
  }

  function timeline() {
    const formal = kind === 'complaint' || kind === 'denunciation';
    // Most are classified within the statutory days; some late (those deadlines are missed).
    const C = work(R, r.chance(0.12) ? r.int(9, 25) : r.int(1, 8));
    if (kind === 'denunciation' && r.chance(0.08)) {
      const on = work(R, 3);
      if (notYet(on)) return;
      event('initial_extended', on, a.office, 'Kéo dài thời hạn xử lý ban đầu đến 10 ngày làm việc (Luật Tố cáo 2018, Điều 24 khoản 1)');
    }
    if (notYet(C)) return;
    const earlier = a.recent.find((x) => x.kind === kind && x.id !== id);
    const outcome = r.weighted<string>(
      kind === 'complaint'
        ? [
            ['accept', 72],
            ['not_accept', 10],
            ['guide', 12],
            ['withdraw', 3],
            ['duplicate', 3],
          ]
        : kind === 'denunciation'
          ? [
              ['accept', 55],
              ['not_accept', 15],
              ['forward', channel === 'forwarded' ? 0 : 18],
              ['duplicate', 5],
              ['information', 7],
            ]
          : [
              ['accept', 74],
              ['forward', 10],
              ['guide', 8],
              ['information', kind === 'feedback' ? 6 : 1],
              ['duplicate', 2],
            ],
    );
    const unit = pickUnit(C);
    const handler = unit ? r.pick(unit.members) : null;
    const assign = (on: string) => {
      if (!unit || !handler) return;
      c.unit_id = unit.id;
      c.handler_id = handler.id;
      c.decision_maker_id = a.head.id;
      event(
        'assigned',
        on,
        a.office,
        `Giao ${unit.name} xử lý; người xử lý: ${handler.name}; người có thẩm quyền giải quyết: ${a.head.name}`,
        {
          data: { unitId: unit.id, handlerId: handler.id, decisionMakerId: a.head.id, previous: { unitId: null, handlerId: null } },
        },
      );
    };
    if (outcome === 'duplicate' && earlier) {
      close('duplicate', C);
      link(earlier.id, 'duplicate', at(C, 600));
      event('linked', C, a.office, 'Liên kết: đơn trùng với một vụ việc khác', {
        data: { otherCaseId: earlier.id, relation: 'duplicate' },
      });
      return;
    }
    if (outcome === 'not_accept') {
      const reasons = Object.entries(NOT_ACCEPTED_REASONS).filter(([, v]) => v.kind === kind);
      const [code, reason] = r.pick(reasons);
      c.not_accepted_reasons = [code];
      close('not_accepted', C);
      event('not_accepted', C, a.head, `Không thụ lý: ${reason.vi} (${reason.basis})`, { data: { reasons: [code] } });
      return;
    }
    if (outcome === 'forward' || outcome === 'guide') {
      const to = r.pick(topic.forwardTo);
      c.forwarded_to = to;
      close(outcome === 'forward' ? 'forwarded' : 'guided', C);
      event(
        outcome === 'forward' ? 'forwarded' : 'guided',
        C,
        a.office,
        outcome === 'forward' ? `Chuyển đơn đến ${to}` : `Hướng dẫn gửi đến ${to}`,
        {
          data: { to },
        },
      );
      return;
    }
    if (outcome === 'information') {
      close('information', C);
      event('information', C, a.office, 'Lưu làm thông tin');
      return;
    }
    if (outcome === 'withdraw') {
      close('withdrawn', C);
      event('withdrawn', C, a.office, 'Người gửi rút đơn; kết thúc giải quyết', { data: { continueHandling: false } });
      return;
    }
    // Accepted: the formal kinds are accepted by a decision, then assigned; petitions assigned first.
    let A = C;
    if (formal) {
      const no = decisionNo(A, kind === 'complaint' ? 'QĐ' : 'TB');
      c.status = 'accepted';
      c.accepted_on = A;
      event('accepted', A, a.head, `Thụ lý giải quyết (${no})`, { decision_no: no });
      assign(A);
    } else {
      assign(A);
      A = work(C, r.int(0, 2));
      if (notYet(A)) return;
      c.status = 'accepted';
      c.accepted_on = A;
      event('accepted', A, a.office, 'Tiếp nhận xử lý');
    }
    const actor = handler ?? a.office;
    let t = A;
    if (formal && r.chance(0.15)) {
      const keys = r.chance(0.8) ? [r.pick(COMPLEXITY_CRITERIA).key] : COMPLEXITY_CRITERIA.slice(0, 2).map((k) => k.key);
      const on = work(A, 1);
      if (notYet(on)) return;
      c.complexity = keys;
      const level = keys.length === 1 ? 'complex' : 'especially_complex';
      event(
        'complexity',
        on,
        a.head,
        `Đánh giá: ${keys.length === 1 ? 'phức tạp' : 'đặc biệt phức tạp'} — tiêu chí ${keys.join(', ')} (Nghị định 31/2019/NĐ-CP, Điều 3)`,
        {
          data: { criteria: keys, level, texts: COMPLEXITY_CRITERIA.filter((k) => keys.includes(k.key)).map((k) => k.text) },
        },
      );
    }
    if (kind === 'denunciation') {
      // Law 25/2018 Art. 29(3): the denouncer is told of the acceptance.
      const on = work(A, r.int(1, 5));
      if (notYet(on)) return;
      event('notified', on, a.office, 'Gửi, thông báo đến: Người tố cáo (thông báo thụ lý)', {
        data: { recipients: 'Người tố cáo (thông báo thụ lý)' },
      });
    }
    const checks = formal ? r.int(1, 2) : r.int(0, 1);
    for (let i = 0; i < checks; i++) {
      t = work(t, r.int(2, 12));
      if (notYet(t)) return;
      event('verification', t, actor, 'Xác minh', { note: `Làm việc với các bên liên quan tại ${place}; lập biên bản xác minh.` });
    }
    if (kind === 'complaint' && (c.instance === 2 || r.chance(0.4))) {
      t = work(t, r.int(1, 6));
      if (notYet(t)) return;
      event('dialogue', t, actor, 'Đối thoại', { note: 'Tổ chức đối thoại với người khiếu nại và các bên có liên quan; lập biên bản.' });
    }
    if (formal && r.chance(0.04)) {
      const no = decisionNo(t, 'QĐ');
      const s = work(t, r.int(1, 5));
      if (notYet(s)) return;
      c.status = 'suspended';
      event('suspended', s, a.head, `Tạm đình chỉ giải quyết (${no})`, { decision_no: no });
      const back = work(s, r.int(10, 45));
      if (notYet(back)) return;
      const no2 = decisionNo(back, 'QĐ');
      c.status = 'accepted';
      event('resumed', back, a.head, `Tiếp tục giải quyết (${no2})`, { decision_no: no2 });
      t = back;
    }
    let extended = false;
    if (kind === 'denunciation' && r.chance(0.15)) {
      // Decided before the resolution deadline runs out (Law 25/2018 Art. 30; Decree 31/2019 Art. 3).
      const on = work(A, r.int(15, 25));
      if (compareIsoDates(on, t) >= 0) {
        if (notYet(on)) return;
        const no = decisionNo(on, 'QĐ');
        event('extended', on, a.head, `Gia hạn giải quyết 30 ngày theo Quyết định ${no}`, { decision_no: no, data: { days: 30 } });
        t = on;
        extended = true;
      }
    }
    if (formal && r.chance(0.03)) {
      const on = work(t, r.int(2, 10));
      if (notYet(on)) return;
      const no = decisionNo(on, 'QĐ');
      close('terminated', on);
      event('terminated', on, a.head, `Đình chỉ giải quyết (${no})`, { decision_no: no });
      return;
    }
    const span = kind === 'complaint' ? r.int(15, 40) : kind === 'denunciation' ? r.int(25, 55) + (extended ? 25 : 0) : r.int(3, 12);
    const D = work(A, r.chance(0.1) ? span + r.int(10, 40) : span);
    if (compareIsoDates(D, t) <= 0 || notYet(D)) return;
    const what =
      kind === 'complaint' ? 'Quyết định giải quyết khiếu nại' : kind === 'denunciation' ? 'Kết luận nội dung tố cáo' : 'Văn bản trả lời';
    const no = decisionNo(D, kind === 'complaint' ? 'QĐ' : kind === 'denunciation' ? 'KL' : a.abbr === 'UBND' ? 'UBND' : 'VP');
    const result = r.pick(topic.outcomes);
    c.decided_on = D;
    c.outcome = result;
    close('resolved', D);
    event('decided', D, a.head, `${what} ${no}: ${result}`, { decision_no: no });
    const sent = work(D, r.int(1, 8));
    if (notYet(sent)) return;
    const recipients =
      kind === 'complaint'
        ? 'Người khiếu nại; Thanh tra tỉnh Quảng Ngãi'
        : kind === 'denunciation'
          ? 'Người tố cáo (kết luận)'
          : 'Người kiến nghị, phản ánh';
    event('notified', sent, a.office, `Gửi, thông báo đến: ${recipients}`, { data: { recipients } });
    if (channel === 'portal' && !formal && r.chance(0.5)) {
      c.public_answer = `${result}.`;
      event('public_answer', sent, a.office, 'Công bố nội dung trả lời trên cổng thông tin');
    }
  }

  function pickUnit(on: string): OrgUnit | null {
    const open = a.units.filter(
      (u) => u.members.length && compareIsoDates(u.validFrom, on) <= 0 && (!u.validTo || compareIsoDates(u.validTo, on) >= 0),
    );
    return open.length ? r.pick(open) : null;
  }

  // Sent again: a repeat of an earlier case of the same kind (oversight lists repeated cases).
  const earlier = a.recent.find((x) => x.kind === kind);
  if (earlier && c.status !== 'duplicate' && r.chance(0.03)) {
    link(earlier.id, 'repeat', c.created_at);
  }

  // Every action after the intake bumps the version (an anonymous one is closed by the intake itself).
  c.version = anonymous ? 1 : events.length;
  sinks.cases.add(c);
  for (const e of events) sinks.events.add(e);
  const facts = {
    kind,
    status: c.status as string,
    instance: c.instance as number,
    receivedOn: R,
    acceptedOn: c.accepted_on as string | null,
    decidedOn: c.decided_on as string | null,
    anonymous,
    remote: c.remote as boolean,
    aboutRegulation: c.about_regulation as boolean,
    complexity: c.complexity as string[],
  };
  const eventFacts: EventFact[] = events.map((e) => ({
    type: e.type as string,
    on: e.on as string,
    decisionNo: e.decision_no as string | null,
    data: e.data as Record<string, unknown>,
  }));
  const computed = computeCaseDeadlines(caseDeadlineSpecs(facts, eventFacts, today), () => cal, today, facts.status, { lenient: true });
  for (const d of computed) {
    sinks.deadlines.add({
      tenant_id: tenantId,
      case_id: id,
      rule_id: d.ruleId,
      rule_version: d.ruleVersion,
      title: d.title,
      title_en: d.titleEn,
      trigger: d.trigger,
      due: d.due,
      status: d.status,
      met_on: d.metOn,
      explanation: d.explanation,
      basis: d.basis,
      computed_at: c.updated_at,
    });
  }
  a.recent.unshift({ id, kind, decidedOn: c.decided_on as string | null, instance: c.instance as number, receivedOn: R });
  if (a.recent.length > 40) a.recent.pop();
  return { events: events.length, deadlines: computed.length };
}
