/**
 * Drill: kill -9 during write bursts. The real server takes concurrent register-book lines
 * (POST /api/reception/entries as the Office, each opening a case: several tables and the audit
 * chain in one transaction); mid-burst it is killed with SIGKILL, restarted, and every line it had
 * acknowledged (200 with an id) must be there with its cases. "Acknowledged N, lost 0."
 */
import { call, dbName, type Figure, login, ServerProcess, sleep, type Target } from './lib';

type Ack = { id: string; content: string; caseIds: string[] };
type Entry = { id: string; content: string; cases: { id: string }[] };

export type Kill9Options = {
  rounds: number;
  /** Concurrent writers. */
  writers: number;
  /** Acknowledged writes in a round after which the server is killed (at least; writers keep going). */
  killAfter: (round: number) => number;
  log?: (line: string) => void;
};

export async function kill9Drill(target: Target, opts: Kill9Options): Promise<Figure> {
  const log = opts.log ?? (() => {});
  const acked: Ack[] = [];
  const statuses: Record<string, number> = {};
  let inFlightAtKill = 0;
  let lost: string[] = [];
  let server = await ServerProcess.start(target);
  try {
    for (let round = 1; round <= opts.rounds; round++) {
      const office = await login(server.base, 'vanphong');
      const want = opts.killAfter(round);
      let roundAcks = 0;
      let stop = false;
      let inFlight = 0;
      const writer = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const content = `Diễn tập kill -9: vòng ${round}, người ghi ${w}, dòng ${i} — kiến nghị về chỗ để xe ${Date.now()}`;
          inFlight++;
          try {
            const r = await call(server.base, office, 'POST', '/api/reception/entries', {
              receivedOn: '2026-11-02',
              visitors: [{ name: `Người dân ${round}-${w}-${i}`, address: 'Phường Trương Quang Trọng' }],
              content,
              parts: [{ kind: 'petition', subject: `Kiến nghị ${round}-${w}-${i}`, content }],
            });
            statuses[r.status] = (statuses[r.status] ?? 0) + 1;
            if (r.status === 200) {
              const e = r.json as Entry;
              acked.push({ id: e.id, content: e.content, caseIds: e.cases.map((c) => c.id) });
              roundAcks++;
            }
          } catch {
            // The connection died with the server: not acknowledged.
            statuses.refused = (statuses.refused ?? 0) + 1;
            return;
          } finally {
            inFlight--;
          }
        }
      };
      const writers = Array.from({ length: opts.writers }, (_, w) => writer(w));
      const until = Date.now() + 240_000;
      while (roundAcks < want) {
        if (Date.now() > until) {
          stop = true;
          throw new Error(`round ${round}: only ${roundAcks} of ${want} writes acknowledged: ${JSON.stringify(statuses)}`);
        }
        await sleep(5);
      }
      const pending = inFlight;
      inFlightAtKill += pending;
      await server.kill9();
      stop = true;
      await Promise.all(writers);
      log(
        `  round ${round}: ${roundAcks} acknowledged, ${pending} in flight at the kill (answers so far ${JSON.stringify(statuses)}); restarting`,
      );
      server = await ServerProcess.start(target);
      lost = await missing(server.base, acked);
      if (lost.length) break;
    }
  } finally {
    await server.stop();
  }
  // Refused writes (a 4xx) are not acknowledged: counted apart, they are not durability losses.
  const refused = Object.entries(statuses)
    .filter(([k]) => /^4/.test(k))
    .map(([k, n]) => `${n}×${k}`);
  const figure = `acknowledged ${acked.length}, lost ${lost.length}${refused.length ? ` (refused: ${refused.join(', ')})` : ''}`;
  return {
    drill: `kill -9 during write bursts (${opts.rounds} round${opts.rounds > 1 ? 's' : ''})`,
    db: dbName(target),
    figure,
    ok: acked.length > 0 && lost.length === 0,
    details: { statuses, inFlightAtKill, lost: lost.slice(0, 10) },
  };
}

/** The acknowledged lines that are not there (or not whole) after the restart. */
async function missing(base: string, acked: Ack[]): Promise<string[]> {
  const office = await login(base, 'vanphong');
  const out: string[] = [];
  const queue = [...acked];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let a = queue.pop(); a; a = queue.pop()) {
        const r = await call(base, office, 'GET', `/api/reception/entries/${a.id}`);
        const e = r.json as Entry;
        const whole =
          r.status === 200 &&
          e.content === a.content &&
          JSON.stringify(e.cases.map((c) => c.id).sort()) === JSON.stringify([...a.caseIds].sort());
        if (!whole) out.push(a.id);
        if (whole) {
          // The case the line opened answers too.
          for (const id of a.caseIds) {
            const c = await call(base, office, 'GET', `/api/cases/${id}`);
            if (c.status !== 200) out.push(`${a.id} (case ${id})`);
          }
        }
      }
    }),
  );
  return out;
}
