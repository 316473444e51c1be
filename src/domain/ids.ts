/**
 * The one visible form of each kind of id (Ids, docs/rules.md): a contact is `#12`
 * (`12` in a command, where `#` would start a shell comment), a commitment `c12`,
 * a touch `t12`, a write of the journal `w12`. Each kind is numbered on its own,
 * so the letter is what keeps one screen from showing one token for two things.
 */
export type IdKind = 'contact' | 'commitment' | 'touch' | 'write';

export const ID_PREFIX: Readonly<Record<IdKind, string>> = { contact: '#', commitment: 'c', touch: 't', write: 'w' };

export const handleOf = (kind: IdKind, id: number): string => `${ID_PREFIX[kind]}${id}`;
export const commitmentHandle = (id: number): string => handleOf('commitment', id);
export const touchHandle = (id: number): string => handleOf('touch', id);
