import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { session, type Session } from '../helpers.js';

type Listed = { name: string; company: string | null; email: string | null; phone: string | null; source: string | null; note: string | null; tags: string[] };

/** A few contacts with touches, a moved step, a promise, and cells a spreadsheet would run. */
async function filled(): Promise<Session> {
  const run = session({ tz: 'Europe/Paris' });
  await run(
    'add',
    'Dana Reyes',
    '--company',
    'Acme',
    '--email',
    'dana@acme.example',
    '--phone',
    '+1 555 0100',
    '--tag',
    'saas',
    '--tag',
    'expo',
    '--source',
    'referral',
  );
  await run('add', '=HYPERLINK("http://evil.example","click")', '--company', '@SUM(A1:A2)', '--note', '-2+3');
  await run('add', 'Tab\tStart');
  // fu trims what is typed; a leading tab or carriage return can still come from elsewhere (an older import, a script).
  const raw = new Database(run.db);
  raw.prepare('UPDATE contacts SET note = ?, source = ? WHERE id = 3').run('\tleading tab', '\rcarriage');
  raw.close();
  await run(
    'log',
    'dana',
    '--outcome',
    'connected',
    '--note',
    'good call',
    '--next',
    'demo',
    '--at',
    '2026-11-24 15:00',
    '--promise',
    'send pricing',
    '--by',
    '2026-11-25',
  );
  await run('next', 'dana', 'demo to the team', '--at', '2026-11-26 10:00');
  return run;
}

const rowsOf = (db: string, sql: string) => {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    raw.close();
  }
};

/** What a spreadsheet-safe cell holds for a stored value. */
const neutral = (v: unknown) => (v === null ? '' : typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v));

describe('fu export', () => {
  it('writes contacts as CSV that csv-parse reads back equal to the database, formula cells neutralised', async () => {
    const run = await filled();
    const r = await run('export');
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    const stored = rowsOf(run.db, 'SELECT id, name, company, email, phone, source, note, status FROM contacts ORDER BY id');
    expect(rows.map((c) => [c.id, c.name, c.company, c.email, c.phone, c.source, c.note, c.status])).toEqual(
      stored.map((c) => [String(c.id), neutral(c.name), neutral(c.company), neutral(c.email), neutral(c.phone), neutral(c.source), neutral(c.note), c.status]),
    );
    expect(rows[1]!.name).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(rows[1]!.company).toBe("'@SUM(A1:A2)");
    expect(rows[2]!.note).toBe("'\tleading tab");
    expect(rows[2]!.source).toBe("'\rcarriage");
    expect(rows[0]!.tags).toBe('expo; saas');
    // Times ISO-8601 with the offset of the zone.
    expect(rows[0]!.createdAt).toBe('2026-11-23T10:00:00+01:00');
  });

  it('writes one CSV file per table in the --out folder with --what all, and every touch and commitment', async () => {
    const run = await filled();
    const dir = path.join(run.dir, 'out');
    const r = await run('export', '--what', 'all', '--out', dir, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'csv', counts: { contacts: 3, touches: 1, commitments: 2 } });
    expect(fs.readdirSync(dir).sort()).toEqual(['commitments.csv', 'contacts.csv', 'touches.csv']);
    const touches = parse(fs.readFileSync(path.join(dir, 'touches.csv')), { columns: true }) as Record<string, string>[];
    expect(touches).toEqual([
      expect.objectContaining({ id: '1', contactId: '1', outcome: 'connected', channel: 'call', note: 'good call', proposal: 'false' }),
    ]);
    const commitments = parse(fs.readFileSync(path.join(dir, 'commitments.csv')), { columns: true }) as Record<string, string>[];
    expect(commitments.map((c) => [c.kind, c.what, c.dueAt, c.dueDate, c.state, c.moves])).toEqual([
      ['next-step', 'demo to the team', '2026-11-26T10:00:00+01:00', '', 'open', '1'],
      ['promise', 'send pricing', '', '2026-11-25', 'open', '0'],
    ]);
    expect(fs.statSync(path.join(dir, 'contacts.csv')).mode & 0o777).toBe(0o600);
  });

  it('refuses CSV of all tables to stdout (exit 2), saying to give a folder', async () => {
    const r = await (await filled())('export', '--what', 'all');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out DIR');
  });

  it("writes one JSON document with every table, moves in each commitment's history", async () => {
    const run = await filled();
    const doc = JSON.parse((await run('export', '--format', 'json', '--what', 'all')).stdout) as Record<string, Record<string, unknown>[]>;
    expect(Object.keys(doc)).toEqual(['exportedAt', 'contacts', 'touches', 'commitments']);
    expect(doc.contacts![1]!.name).toBe('=HYPERLINK("http://evil.example","click")');
    expect(doc.contacts![0]!.tags).toEqual(['expo', 'saas']);
    expect(doc.commitments![0]!.history).toEqual([expect.objectContaining({ oldWhat: 'demo', oldDueAt: '2026-11-24T15:00:00+01:00', oldSoft: false })]);
  });

  it('round-trips: fu export --format json, then fu import into an empty database, gives the same contacts', async () => {
    const run = await filled();
    const file = path.join(run.dir, 'all.json');
    expect((await run('export', '--format', 'json', '--what', 'all', '--out', file)).code).toBe(0);
    const fresh = session();
    const r = await fresh('import', file);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const pick = (list: Listed[]) => list.map(({ name, company, email, phone, source, note, tags }) => ({ name, company, email, phone, source, note, tags }));
    expect(pick(await fresh.json<Listed[]>('list', '--status', 'all'))).toEqual(pick(await run.json<Listed[]>('list', '--status', 'all')));
  });
});
