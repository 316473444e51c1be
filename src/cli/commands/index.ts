/** Every command, in the order `fu --help` lists them. */
import type { Command } from 'commander';
import type { App } from '../program.js';
import { register as add } from './add.js';
import { register as cancel } from './cancel.js';
import { register as config } from './config.js';
import { register as demo } from './demo.js';
import { register as done } from './done.js';
import { register as edit } from './edit.js';
import { register as list } from './list.js';
import { register as log } from './log.js';
import { register as next } from './next.js';
import { register as show } from './show.js';
import { register as stale } from './stale.js';
import { register as today } from './today.js';

export const COMMANDS: ((program: Command, app: App) => void)[] = [log, next, done, cancel, today, stale, add, edit, list, show, config, demo];
