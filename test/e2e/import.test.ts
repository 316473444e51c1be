import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importContacts } from '../../src/app/import-contacts.js';
import { configFrom } from '../../src/domain/config.js';
import { TEXT_LIMITS } from '../../src/domain/text.js';
import { zoneOf } from '../../src/domain/zone.js';
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { fu, ROOT, session, snapshot, tempDir } from '../helpers.js';

type Listed = {
  id: number;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  tags: string[];
  note: string | null;
  source: string | null;
};

const write = (dir: string, name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
const byName = (list: Listed[]) => Object.fromEntries(list.map((c) => [c.name, c]));

describe('fu import: vendor exports', () => {
  it('imports the HubSpot-shaped example, joining first and last names, and lists the columns it did not import', async () => {
    const run = session();
    const r = await run('import', path.join(ROOT, 'docs/examples/hubspot.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('added 4 contacts');
    expect(r.stdout).toContain('Columns not imported: Record ID, Lifecycle Stage, Lead Status, Contact owner, Create Date, Last Activity Date');
    const c = byName(await run.json<Listed[]>('list'));
    expect(c['Dana Reyes']).toMatchObject({ company: 'Acme', email: 'dana@acme.example', phone: '+1 415 555 0100', source: 'Organic Search' });
    expect(c["Tom O'Neil"]).toMatchObject({ phone: '+1 (646) 555-0142', company: 'Contoso' });
    expect(c['Chloé Martin']!.company).toBe('Northwind Traders');
  });

  it('skips the notes LinkedIn writes above the header row of Connections.csv', async () => {
    const run = session();
    const r = await run('import', path.join(ROOT, 'docs/examples/linkedin.csv'), '--tag', 'linkedin');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('added 3 contacts');
    expect(r.stdout).toContain('Columns not imported: URL, Position, Connected On');
    const c = byName(await run.json<Listed[]>('list'));
    expect(c['Jonas Berg']).toMatchObject({ company: 'Initech, Inc.', email: null, tags: ['linkedin'] });
    expect(c['Amira Haddad']!.email).toBe('amira@globex.example');
  });

  it.each([
    [
      'Pipedrive',
      'Person - Name,Person - Organization,Person - Email - Work,Person - Phone - Mobile,Person - Labels,Person - Owner\nAda Lovelace,Analytical,ada@engine.example,+44 1,"Hot lead, VIP",Sam\n',
    ],
    [
      'Salesforce (report)',
      'First Name,Last Name,Account Name,Email,Phone,Lead Source,Description,Title\nAda,Lovelace,Analytical,ada@engine.example,+44 1,Web,likes engines,CTO\n',
    ],
    ['Salesforce (Data Loader)', 'Id,FirstName,LastName,Company,Email,MobilePhone,LeadSource\n00Q1,Ada,Lovelace,Analytical,ada@engine.example,+44 1,Web\n'],
    [
      'Google Contacts',
      'First Name,Middle Name,Last Name,Phonetic First Name,Nickname,Organization Name,Organization Title,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Labels,Notes\nAda,,Lovelace,,,Analytical,CTO,* Work,ada@engine.example ::: ada@home.example,Mobile,+44 1,* myContacts ::: Hot lead ::: VIP,likes engines\n',
    ],
    [
      'Outlook',
      'First Name,Middle Name,Last Name,Title,Company,E-mail Address,E-mail Display Name,Business Phone,Mobile Phone,Categories,Notes\nAda,,Lovelace,,Analytical,ada@engine.example,Ada Lovelace (ada@engine.example),+44 1,+44 2,Hot lead;VIP,likes engines\n',
    ],
  ])('reads the columns of a %s export', async (_vendor, csv) => {
    const run = session();
    const file = write(run.dir, 'export.csv', csv);
    const r = await run('import', file);
    expect(r.code, r.stderr).toBe(0);
    const [ada] = await run.json<Listed[]>('list');
    expect(ada).toMatchObject({ name: 'Ada Lovelace', company: 'Analytical', email: 'ada@engine.example', phone: '+44 1' });
  });

  it('reads the tags of Google labels and Outlook categories, leaving Google system groups out', async () => {
    const run = session();
    write(run.dir, 'g.csv', 'Name,Labels\nAda,* myContacts ::: Hot lead ::: VIP\n');
    expect((await run('import', path.join(run.dir, 'g.csv'))).code).toBe(0);
    expect((await run.json<Listed[]>('list'))[0]!.tags).toEqual(['Hot lead', 'VIP']);
  });

  it('decodes UTF-16 (as Outlook writes it), a UTF-8 BOM and CRLF line ends', async () => {
    const run = session();
    const csv = 'First Name,Last Name,E-mail Address\r\nZoë,Ångström,zoe@example.org\r\n';
    write(run.dir, 'u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
    write(run.dir, 'bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Name,Email\r\nJosé Núñez,jose@example.org\r\n')]));
    expect((await run('import', path.join(run.dir, 'u16.csv'))).code).toBe(0);
    expect((await run('import', path.join(run.dir, 'bom.csv'))).code).toBe(0);
    expect((await run.json<Listed[]>('list')).map((c) => [c.name, c.email])).toEqual([
      ['José Núñez', 'jose@example.org'],
      ['Zoë Ångström', 'zoe@example.org'],
    ]);
  });

  it('maps unknown headers with --map, and refuses a mapping to a column the file does not have', async () => {
    const run = session();
    const file = write(run.dir, 'own.csv', 'Full Name,Organisation,Mail Box,Shoe size\nAda Lovelace,Analytical,ada@engine.example,38\n');
    const bad = await run('import', file, '--map', 'Courriel=email');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('No column is named "Courriel"');
    expect((await run('import', file, '--map', 'Organisation=company,Mail Box=email', '--map', 'Shoe size=-')).code).toBe(0);
    expect((await run.json<Listed[]>('list'))[0]).toMatchObject({ name: 'Ada Lovelace', company: 'Analytical', email: 'ada@engine.example' });
  });

  it('refuses a file where no column names the contact (exit 2), saying how to map one', async () => {
    const run = session();
    const r = await run('import', write(run.dir, 'x.csv', 'Foo,Bar\n1,2\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--map');
  });

  it('reads standard input with -', async () => {
    const run = session();
    const r = await fu(['import', '-'], { db: run.db, now: '2026-11-23T09:00:00Z', input: 'name,email\nAda,ada@engine.example\n' });
    expect(r.code, r.stderr).toBe(0);
    expect((await run.json<Listed[]>('list'))[0]!.email).toBe('ada@engine.example');
  });
});

describe('fu import: vCard', () => {
  const v3 = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'N:Reyes;Dana;;;',
    'FN:Dana Reyes',
    'ORG:Acme Inc.;Sales',
    'EMAIL;TYPE=INTERNET,WORK:dana@acme.example',
    'TEL;TYPE=CELL:+1 555 0100',
    'NOTE:met at the expo\\, booth 4',
    'CATEGORIES:saas,expo',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:3.0',
    'N:Park;Lee;;;',
    'FN:Lee Park',
    'TEL;TYPE=HOME:+44 20 7946 0018',
    'END:VCARD',
    '',
  ].join('\r\n');
  const v4 = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'FN:Chloé Martin',
    'N:Martin;Chloé;;;',
    'ORG:Northwind',
    'EMAIL;TYPE=work:chloe@northwind.example',
    'TEL;VALUE=uri;TYPE="cell,voice":tel:+33-1-23-45-67-89',
    'END:VCARD',
    '',
  ].join('\n');

  it('imports a phone export in vCard 3', async () => {
    const run = session();
    expect((await run('import', write(run.dir, 'phone.vcf', v3))).code).toBe(0);
    const c = byName(await run.json<Listed[]>('list'));
    expect(c['Dana Reyes']).toMatchObject({
      company: 'Acme Inc.',
      email: 'dana@acme.example',
      phone: '+1 555 0100',
      note: 'met at the expo, booth 4',
      tags: ['expo', 'saas'],
    });
    expect(c['Lee Park']).toMatchObject({ phone: '+44 20 7946 0018', email: null });
  });

  it('imports vCard 4, its tel: URIs as phone numbers', async () => {
    const run = session();
    expect((await run('import', write(run.dir, 'phone.vcf', v4))).code).toBe(0);
    expect((await run.json<Listed[]>('list'))[0]).toMatchObject({
      name: 'Chloé Martin',
      company: 'Northwind',
      email: 'chloe@northwind.example',
      phone: '+33-1-23-45-67-89',
    });
  });

  it('reports a vCard that never ends by the line it starts on', async () => {
    const run = session();
    const r = await run('import', write(run.dir, 'cut.vcf', `${v3}BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Off\r\n`));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('line 17: a vCard that never ends');
  });
});

describe('fu import: duplicates, bad rows, dry run', () => {
  it('changes nothing on a dry run: the database file is byte for byte the same', async () => {
    const run = session();
    await run('add', 'Dana Reyes', '--company', 'Acme');
    const file = write(run.dir, 'c.csv', 'Name,Company,Email\nDana Reyes,Acme,dana@acme.example\nLee Park,Fabrikam,lee@fabrikam.example\n');
    const before = fs.readFileSync(run.db);
    const r = await run('import', file, '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('would add 1 contact, would update 1');
    expect(r.stdout).toContain('line 3: Lee Park (Fabrikam) <lee@fabrikam.example>');
    expect(r.stdout).toContain('line 2: #1 Dana Reyes: email');
    expect(fs.readFileSync(run.db).equals(before)).toBe(true);
  });

  it('fills the empty fields of a contact matched by email, else by name and company, and skips them with --skip-existing', async () => {
    const run = session();
    await run('add', 'Dana Reyes', '--email', 'dana@acme.example');
    await run('add', 'Lee Park', '--company', 'Fabrikam', '--phone', '+1 1');
    const file = write(run.dir, 'c.csv', 'Name,Company,Email,Phone\nD. Reyes,Acme,DANA@acme.example,+1 2\nlee park,fabrikam,lee@fabrikam.example,+1 9\n');
    const before = await snapshot(run.db);
    const skipped = await run.json<{ counts: Record<string, number> }>('import', file, '--skip-existing');
    expect(skipped.counts).toMatchObject({ added: 0, updated: 0, skipped: 2 });
    expect(await snapshot(run.db)).toBe(before);
    const updated = await run.json<{ counts: Record<string, number>; updated: { fields: object }[] }>('import', file);
    expect(updated.counts).toMatchObject({ added: 0, updated: 2 });
    const c = byName(await run.json<Listed[]>('list'));
    // Filled where empty, never overwritten.
    expect(c['Dana Reyes']).toMatchObject({ company: 'Acme', phone: '+1 2', email: 'dana@acme.example' });
    expect(c['Lee Park']).toMatchObject({ email: 'lee@fabrikam.example', phone: '+1 1' });
  });

  it('reports rows repeated inside the file and imports the first', async () => {
    const run = session();
    const file = write(
      run.dir,
      'c.csv',
      'Name,Company,Email\nDana,Acme,dana@acme.example\nLee,Fab,\nDana R.,Acme,Dana@Acme.example\nlee,fab,lee@fab.example\n',
    );
    const r = await run.json<{ counts: Record<string, number>; repeated: { line: number; sameAs: number }[] }>('import', file);
    expect(r.counts).toMatchObject({ added: 2, repeated: 2 });
    expect(r.repeated).toEqual([
      { line: 4, sameAs: 2, name: 'Dana R.' },
      { line: 5, sameAs: 3, name: 'lee' },
    ]);
  });

  const badFile = 'Name,Email\nGood One,good@example.org\n,nobody@example.org\nBad Mail,not-an-email\nBroken"Quote,x@example.org\nAfter,after@example.org\n';

  it('imports nothing when one row is bad, naming each bad row by line and reason (exit 2)', async () => {
    const run = session();
    await run('add', 'Already Here');
    const file = write(run.dir, 'bad.csv', badFile);
    const before = await snapshot(run.db);
    const r = await run('import', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('line 3: no name');
    expect(r.stdout).toContain('line 4: "not-an-email" is not an email address');
    expect(r.stdout).toContain('line 5: a quote in the middle of a value');
    expect(r.stderr).toContain('3 bad rows: nothing imported');
    expect(await snapshot(run.db)).toBe(before);
  });

  it('imports the rest with --skip-bad and reports the bad rows', async () => {
    const run = session();
    const r = await run('import', write(run.dir, 'bad.csv', badFile), '--skip-bad');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('added 2 contacts');
    expect((await run.json<Listed[]>('list')).map((c) => c.name)).toEqual(['After', 'Good One']);
  });

  it('reports a quote opened and never closed', async () => {
    const run = session();
    const r = await run('import', write(run.dir, 'q.csv', 'Name,Email\nGood,g@example.org\n"Never closed,x@example.org\nMore,m@example.org\n'));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('line 3: a quote is opened and never closed');
  });

  it('stores hostile cells as text and shows them escaped', async () => {
    const run = session();
    const huge = 'x'.repeat(TEXT_LIMITS.free); // the longest note a contact takes
    const file = write(
      run.dir,
      'h.csv',
      `Name,Company,Note\n"Evil\u001b[31m Red","=HYPERLINK(""http://x"")",${huge}\n"\u202eRTL",'; DROP TABLE contacts;--,ok\n`,
    );
    expect((await run('import', file)).code).toBe(0);
    const list = await run.json<Listed[]>('list');
    expect(list.map((c) => c.name)).toEqual(['Evil\u001b[31m Red', '\u202eRTL']);
    expect(list[0]!.note).toHaveLength(TEXT_LIMITS.free);
    expect((await run('list')).stdout).toContain('Evil\\x1b[31m Red');
  });

  it('tags every imported contact with --tag', async () => {
    const run = session();
    expect((await run('import', write(run.dir, 't.csv', 'Name,Tags\nAda,vip\nLee,\n'), '--tag', 'expo-2026')).code).toBe(0);
    expect((await run.json<Listed[]>('list')).map((c) => c.tags)).toEqual([['expo-2026', 'vip'], ['expo-2026']]);
  });

  it('starts imported contacts with no touches: fu stale lists them under no-next-step', async () => {
    const run = session();
    await run('import', write(run.dir, 't.csv', 'Name\nAda\n'));
    expect((await run.json<Record<string, { contact: string }[]>>('stale')).noNextStep!.map((r) => r.contact)).toEqual(['Ada']);
  });
});

describe('fu import: size', () => {
  it('imports 100,000 rows in one transaction', () => {
    const dir = tempDir();
    const header = 'First Name,Last Name,Email,Phone Number,Company Name,Lead Status\n';
    const rows: string[] = [];
    for (let i = 0; i < 100_000; i++)
      rows.push(`First${i},Last${i},person${i}@example${i % 97}.org,+1 555 ${String(i).padStart(6, '0')},Company ${i % 5000},New`);
    const file = path.join(dir, 'big.csv');
    fs.writeFileSync(file, header + rows.join('\n') + '\n');
    const store = new Store(openDatabase(path.join(dir, 'fu.db')));
    try {
      let calls = 0;
      const result = importContacts(
        { store, now: '2026-11-23T09:00:00.000Z', zone: zoneOf('UTC'), config: configFrom(new Map()) },
        { content: fs.readFileSync(file), mapping: new Map(), tags: ['big'], dryRun: false, skipBad: false, skipExisting: false, progress: () => calls++ },
      );
      expect(result.add).toHaveLength(100_000);
      expect(calls).toBe(100);
      expect(store.contactCount()).toBe(100_000);
      expect(store.contactByEmail('person99999@example89.org')?.name).toBe('First99999 Last99999');
    } finally {
      store.close();
    }
  });
});
