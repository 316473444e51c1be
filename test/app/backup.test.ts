import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backup, restoreBackup } from '../../src/app/backup.js';
import { addContact } from '../../src/app/contacts.js';
import { TargetExistsError } from '../../src/errors.js';
import { databaseFiles } from '../../src/store/files.js';
import { tempDir } from '../helpers.js';
import { freshContext, NOW, person, rows } from './context.js';

function withContacts(...names: string[]) {
  const ctx = freshContext();
  for (const name of names) addContact(ctx, { fields: person(name), tags: [], met: null });
  return { ctx, files: databaseFiles(ctx.store.db.name, () => ctx.store) };
}

describe('backup and restore', () => {
  it('backs up, then restores the backup over later changes once confirmed', async () => {
    const { ctx, files } = withContacts('Dana', 'Sam');
    const target = path.join(tempDir(), 'copy.db');
    expect(await backup(files, target, false)).toEqual({ ok: true, info: { contacts: 2, touches: 0, version: expect.any(Number) } });
    addContact(ctx, { fields: person('Lee'), tags: [], met: null });
    let asked: unknown;
    const restored = await restoreBackup(files, target, NOW, async (info) => {
      asked = info;
      return true;
    });
    expect(asked).toMatchObject({ contacts: 2, touches: 0 });
    expect(restored).toMatchObject({ ok: true, info: { contacts: 2 }, keptAs: null });
    expect(ctx.store.contactNames().map((c) => c.name)).toEqual(['Dana', 'Sam']);
  });

  it('changes nothing when the restore is declined, and leaves no copy behind', async () => {
    const { ctx, files } = withContacts('Dana');
    const target = path.join(tempDir(), 'copy.db');
    await backup(files, target, false);
    addContact(ctx, { fields: person('Lee'), tags: [], met: null });
    const before = rows(ctx);
    expect(await restoreBackup(files, target, NOW, async () => false)).toEqual({ ok: false, reason: 'declined' });
    expect(rows(ctx)).toBe(before);
    expect(fs.readdirSync(path.dirname(ctx.store.db.name)).filter((f) => f.includes('restore'))).toEqual([]);
  });

  it('refuses the database itself as a backup or as the file to restore', async () => {
    const { ctx, files } = withContacts('Dana');
    expect(await backup(files, ctx.store.db.name, true)).toEqual({ ok: false, reason: 'is-database', file: 'database' });
    expect(await backup(files, `${ctx.store.db.name}-wal`, true)).toEqual({ ok: false, reason: 'is-database', file: 'wal' });
    expect(await restoreBackup(files, ctx.store.db.name, NOW, async () => true)).toEqual({ ok: false, reason: 'is-database' });
  });

  it('never replaces an existing file unless told to', async () => {
    const { files } = withContacts('Dana');
    const target = path.join(tempDir(), 'copy.db');
    fs.writeFileSync(target, 'mine');
    await expect(backup(files, target, false)).rejects.toBeInstanceOf(TargetExistsError);
    expect(fs.readFileSync(target, 'utf8')).toBe('mine');
    expect(await backup(files, target, true)).toMatchObject({ ok: true });
  });
});
