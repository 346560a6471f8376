/**
 * Drill 2 (issue #16): the identity crawl. The demo agency's protected people — the denouncers of
 * its denunciations and their relatives, the visitors of a protected register line (Law 25/2018
 * Arts. 8(3), 47) — are read from the database and opened with the identity key; then every GET
 * route is crawled as each role, with ids taken from list answers, every .docx/.xlsx export is
 * unzipped and its text searched, and at the end the app's log is searched too. A reveal is a
 * logged POST, so no GET answer, export or log line may hold a protected name, phone number,
 * e-mail address or identity-card number, in any role: 0 leaks.
 *
 * Names are searched diacritic-folded (a name typed without accents is still a leak); a value
 * that also belongs to someone not protected (a complainant of another case, a member of staff)
 * is left out, since it may be shown as theirs.
 *
 * Quick form (npm test): one id per path parameter, as the Office, a unit head, the union and
 * no session. Full: every role, up to 25 ids per path parameter.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TIdentity } from '../src/contracts/cases';
import { foldVietnamese } from '../src/domain/text';
import { protectedIdentities } from '../src/server/modules/cases/tables';
import { openIdentity } from '../src/server/platform/identity-crypto';
import { users } from '../src/server/platform/tables';
import {
  DRILL_ROLES,
  type DrillApp,
  type DrillRole,
  drillApp,
  FULL,
  figure,
  gatherIds,
  IdPool,
  loginAll,
  type Route,
  routesOf,
  type Session,
  urlsFor,
} from './lib';

const YEAR = 2026;
const ROLES: DrillRole[] = FULL ? DRILL_ROLES : ['office', 'unit_head', 'union', 'anonymous'];

type Needle = { label: string; value: string; folded: string };

let t: DrillApp;
let sessions: Record<DrillRole, Session | null>;
let routes: Route[];
let needles: Needle[];
let protectedCount = 0;
const pool = new IdPool();

/** The protected people's names and contact details; values also held by someone unprotected left out. */
async function protectedNeedles(): Promise<Needle[]> {
  const rows = await t.db.owner.select().from(protectedIdentities);
  const open = (r: (typeof rows)[number]) => openIdentity<TIdentity>(r.cipher, r.keyId);
  const fields = (i: TIdentity) =>
    (['name', 'phone', 'email', 'idNumber'] as const).map((f) => [f, i[f]] as const).filter(([, v]) => !!v && v.length >= 6);
  const shown = new Set<string>();
  for (const r of rows.filter((x) => !x.protected)) for (const [, v] of fields(open(r))) shown.add(foldVietnamese(v!));
  for (const u of await t.db.owner.select({ fullName: users.fullName }).from(users)) shown.add(foldVietnamese(u.fullName));
  const out = new Map<string, Needle>();
  const prot = rows.filter((x) => x.protected);
  protectedCount = prot.length;
  for (const r of prot)
    for (const [f, v] of fields(open(r))) {
      const folded = foldVietnamese(v!);
      if (!shown.has(folded))
        out.set(folded, {
          label: `${r.role} ${r.ordinal} ${f} of ${r.caseId ? `case ${r.caseId}` : `entry ${r.entryId}`}`,
          value: v!,
          folded,
        });
    }
  return [...out.values()];
}

/** The needles a text holds (compared folded: no accents, lower case, NFC). */
function found(text: string): Needle[] {
  const folded = foldVietnamese(text.normalize('NFC'));
  return needles.filter((n) => folded.includes(n.folded));
}

/** The text a client can read in an answer: JSON or text as sent; Office files unzipped, tags dropped. */
function readable(body: Buffer, type: string): { text: string; exported: boolean } {
  if (/openxmlformats/.test(type)) {
    const files = unzipSync(new Uint8Array(body));
    const text = Object.entries(files)
      .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
      .map(([, data]) =>
        strFromU8(data)
          .replace(/<[^>]+>/g, '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#(\d+);/g, (_m, n) => String.fromCodePoint(Number(n)))
          .replace(/&amp;/g, '&'),
      )
      .join('\n');
    return { text, exported: true };
  }
  return { text: body.toString('utf8'), exported: false };
}

beforeAll(async () => {
  t = await drillApp();
  sessions = await loginAll(t);
  routes = routesOf(t.app);
  needles = await protectedNeedles();
  await gatherIds(t, routes, pool, FULL ? [sessions.office, sessions.leader] : [sessions.office], YEAR);
}, 600_000);
afterAll(async () => t?.close());

describe('identity crawl', () => {
  it('finds no protected identity in any GET answer, export or log line, in any role', async () => {
    const leaks: string[] = [];
    let requests = 0;
    let exportsOpened = 0;
    const search = (where: string, text: string) => {
      for (const n of found(text)) leaks.push(`${where}: ${n.label}`);
    };
    for (const role of ROLES) {
      for (const r of routes.filter((x) => x.method === 'GET' && !x.path.startsWith('/api/docs'))) {
        for (const url of urlsFor(r, pool, { perParam: FULL ? 25 : 1, cap: FULL ? 40 : 1, year: YEAR })) {
          const res = await t.call(sessions[role], { method: 'GET', url });
          requests++;
          if (res.statusCode >= 500) leaks.push(`${role} GET ${url}: ${res.statusCode} (a fault, not an answer)`);
          const { text, exported } = readable(res.rawPayload, String(res.headers['content-type'] ?? ''));
          if (exported) exportsOpened++;
          search(`${role} GET ${url}`, text);
        }
      }
    }
    // The log of the whole run (requests, errors, jobs), as an operator would read it.
    // Each line also parsed, so a name written with \u escapes is read as the name.
    const parsed = t.log.map((l) => {
      try {
        return JSON.stringify(JSON.parse(l));
      } catch {
        return '';
      }
    });
    search('the log', `${t.log.join('')}\n${parsed.join('\n')}`);
    figure('identity crawl', {
      'protected identities': protectedCount,
      'needles (names, phones, e-mails, id numbers)': needles.length,
      roles: ROLES.length,
      'requests crawled': requests,
      'exports unzipped': exportsOpened,
      'log lines': t.log.length,
      leaks: leaks.length,
    });
    expect(needles.length).toBeGreaterThan(20);
    expect(exportsOpened).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  }, 1_800_000);

  it('is not blind: a protected name typed in capitals without accents is found', () => {
    const n = needles.find((x) => x.label.includes(' name '))!;
    const typed = foldVietnamese(n.value).toUpperCase();
    expect(found(JSON.stringify({ note: `Người tố cáo là ${typed}.` })).map((x) => x.label)).toContain(n.label);
    expect(found(JSON.stringify({ note: 'Người tố cáo 1' }))).toEqual([]);
  });
});
