/**
 * CONTACT by name, company or email, whatever the case in any script (docs/rules.md):
 * an exact match, then a match at the start of a word, then anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { session, snapshot, type Session } from '../helpers.js';

const idOf = async (run: Session, query: string) => (await run.json<{ id: number }>('show', query)).id;

async function withEmile(): Promise<Session> {
  const run = session();
  expect((await run('add', 'Émile Zola', '--company', 'Ørsted', '--email', 'émile@zola.fr')).code).toBe(0);
  return run;
}

describe('names, companies and emails in any case, in any script', () => {
  it.each([
    ['the name in lower case', 'émile zola'],
    ['the name typed with a combining accent', 'E\u0301mile zola'],
    ['the company in lower case', 'ørsted'],
    ['the email in upper case', 'ÉMILE@ZOLA.FR'],
    ['the first word of the name in lower case', 'émile'],
    ['a part of the company in lower case', 'ørst'],
  ])('finds Émile Zola at Ørsted by %s', async (_what, query) => {
    const run = await withEmile();
    expect(await idOf(run, query)).toBe(1);
  });

  it('refuses a second contact whose email differs only in the case of a non-ASCII letter, and saves nothing', async () => {
    const run = await withEmile();
    const before = await snapshot(run.db);
    const r = await run('add', 'Other', '--email', 'ÉMILE@zola.fr');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The email ÉMILE@zola.fr already belongs to');
    expect(r.stderr).toContain('Émile Zola');
    expect(await snapshot(run.db)).toBe(before);
  });

  it('refuses to give another contact that email by fu edit', async () => {
    const run = await withEmile();
    await run('add', 'Other');
    expect((await run('edit', '2', '--email', 'ÉMILE@ZOLA.FR')).code).toBe(2);
  });

  it('folds ß and ẞ to ss, as Unicode case folding does', async () => {
    const run = session();
    await run('add', 'Jürgen Groß', '--company', 'Straße Logistik');
    expect(await idOf(run, 'jürgen gross')).toBe(1);
    expect(await idOf(run, 'STRASSE LOGISTIK')).toBe(1);
    expect(await idOf(run, 'GROẞ')).toBe(1);
  });

  it('warns of a possible duplicate when the new name and company differ from those of one already there only in case', async () => {
    const run = session();
    await run('add', 'Jürgen Groß', '--company', 'Straße AG');
    const r = await run('add', 'JÜRGEN GROSS', '--company', 'STRASSE AG');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Jürgen Groß');
  });
});

describe('the order of matches: exact, then the start of a word, then anywhere', () => {
  it('finds Lena Novak for "lena", before Elena García', async () => {
    const run = session();
    await run('add', 'Elena García');
    await run('add', 'Lena Novak');
    expect(await idOf(run, 'lena')).toBe(2);
    expect(await idOf(run, 'LENA')).toBe(2);
  });

  it('finds a name by its first words typed in part ("lena no")', async () => {
    const run = session();
    await run('add', 'Lena Park');
    await run('add', 'Elena Novak');
    await run('add', 'Lena Novak');
    expect(await idOf(run, 'lena no')).toBe(3);
  });

  it('finds a word after a hyphen, and one of the company', async () => {
    const run = session();
    await run('add', 'Eclaire Dupont');
    await run('add', 'Marie-Claire Roux');
    await run('add', 'Ana Costa', '--company', 'Lumen Studio');
    await run('add', 'Ana Mendes', '--company', 'Illuminate');
    expect(await idOf(run, 'claire')).toBe(2);
    expect(await idOf(run, 'lumen')).toBe(3);
  });

  it('finds a part of a word when no word starts with it', async () => {
    const run = session();
    await run('add', 'Elena García');
    await run('add', 'Sam Okafor');
    expect(await idOf(run, 'LENA GARCÍA')).toBe(1);
  });

  it('prefers an exact name to a name that starts with it', async () => {
    const run = session();
    await run('add', 'Åsa Berg');
    await run('add', 'Åsa');
    expect(await idOf(run, 'åsa')).toBe(2);
  });

  it('lists the candidates of the first tier that matches when it has several (exit 4), not those of a later tier', async () => {
    const run = session();
    await run('add', 'Lena Novak');
    await run('add', 'Elena García');
    await run('add', 'Lena Park');
    const r = await run('show', 'lena');
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('matches 2 contacts');
    expect(r.stderr).toContain('Lena Novak');
    expect(r.stderr).toContain('Lena Park');
    expect(r.stderr).not.toContain('Elena');
  });
});

describe('the keys follow every write', () => {
  it('finds a contact by its new name after fu edit, and no longer by the old one', async () => {
    const run = session();
    await run('add', 'Zoe Adams');
    expect((await run('edit', '1', '--name', 'Zoë Ångström', '--company', 'Øresund')).code).toBe(0);
    expect(await idOf(run, 'ZOË ÅNGSTRÖM')).toBe(1);
    expect(await idOf(run, 'ØRESUND')).toBe(1);
    expect((await run('show', 'zoe adams')).code).toBe(4);
  });

  it('finds an imported contact with a non-ASCII name by its name and its email in any case', async () => {
    const run = session();
    const file = path.join(run.dir, 'people.csv');
    fs.writeFileSync(file, 'name,company,email\nÉmile Zola,Ørsted,émile@zola.fr\n');
    expect((await run('import', file)).code).toBe(0);
    expect(await idOf(run, 'ÉMILE ZOLA')).toBe(1);
    expect(await idOf(run, 'ÉMILE@ZOLA.FR')).toBe(1);
  });

  it('fills the company of a merged contact, found by it afterwards', async () => {
    const run = session();
    await run('add', 'Émile Zola');
    await run('add', 'E. Zola', '--company', 'Ørsted');
    expect((await run('merge', '1', '2')).code).toBe(0);
    expect(await idOf(run, 'ørsted')).toBe(1);
  });

  it('finds a contact by the name it had in a backup once that backup is restored', async () => {
    const run = await withEmile();
    const backup = path.join(run.dir, 'before.db');
    expect((await run('backup', backup)).code).toBe(0);
    await run('edit', '1', '--name', 'Émile Durand');
    expect((await run('restore', backup, '--yes')).code).toBe(0);
    expect(await idOf(run, 'émile')).toBe(1);
    expect((await run('show', 'durand')).code).toBe(4);
  });

  it('puts the old name back with its key when fu undo takes back an edit or a removal', async () => {
    const run = await withEmile();
    await run('edit', '1', '--name', 'Émile Durand');
    expect((await run('undo')).code).toBe(0);
    expect(await idOf(run, 'ÉMILE ZOLA')).toBe(1);
    expect((await run('show', 'ÉMILE DURAND')).code).toBe(4);
    expect((await run('show', 'durand')).code).toBe(4);
    expect((await run('rm', '1', '--yes')).code).toBe(0);
    expect((await run('undo')).code).toBe(0);
    expect(await idOf(run, 'ÉMILE@ZOLA.FR')).toBe(1);
  });

  it('puts back the word starts of a removed name: after fu undo, "lena" finds Lena Novak again before Elena García', async () => {
    const run = session();
    await run('add', 'Lena Novak');
    await run('add', 'Elena García');
    expect((await run('rm', '1', '--yes')).code).toBe(0);
    expect((await run('undo')).code).toBe(0);
    expect(await idOf(run, 'lena')).toBe(1);
  });
});
