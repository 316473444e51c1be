import type { Command } from 'commander';
import { registerClose } from '../close-commitment.js';
import type { App } from '../command-kit.js';

export function register(program: Command, app: App): void {
  registerClose(program, app, 'done', {
    summary: 'mark a promise or next step as kept',
    description: 'Mark a commitment (a promise, or a next step) as kept. After its due time it is recorded as kept late.',
    examples: ['fu done c2'],
  });
}
