/**
 * Every command, in the order `fu --help` lists them. A command's module is
 * imported only when it runs (see loadCommands in program.ts): start-up pays
 * for one command, not for all of them and everything they import.
 */
import type { Command } from 'commander';
import type { App } from '../command-kit.js';

export type Register = (program: Command, app: App) => void;

export const COMMANDS: readonly (readonly [name: string, load: () => Promise<{ register: Register }>])[] = [
  ['log', () => import('./log.js')],
  ['next', () => import('./next.js')],
  ['touch', () => import('./touch.js')],
  ['done', () => import('./done.js')],
  ['cancel', () => import('./cancel.js')],
  ['close', () => import('./close.js')],
  ['today', () => import('./today.js')],
  ['stale', () => import('./stale.js')],
  ['add', () => import('./add.js')],
  ['edit', () => import('./edit.js')],
  ['rm', () => import('./rm.js')],
  ['merge', () => import('./merge.js')],
  ['list', () => import('./list.js')],
  ['show', () => import('./show.js')],
  ['draft', () => import('./draft.js')],
  ['prep', () => import('./prep.js')],
  ['stats', () => import('./stats.js')],
  ['check', () => import('./check.js')],
  ['config', () => import('./config.js')],
  ['backup', () => import('./backup.js')],
  ['restore', () => import('./restore.js')],
  ['demo', () => import('./demo.js')],
  ['import', () => import('./import.js')],
  ['export', () => import('./export.js')],
  ['calendar', () => import('./calendar.js')],
  ['invite', () => import('./invite.js')],
  ['undo', () => import('./undo.js')],
];
