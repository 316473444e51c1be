import type { Command } from 'commander';
import { registerClose } from '../close-commitment.js';
import type { App } from '../command-kit.js';

export function register(program: Command, app: App): void {
  registerClose(program, app, 'cancel', {
    summary: 'cancel a promise or next step',
    description: 'Cancel a commitment that will not happen. It stays in the history as cancelled.',
    examples: ['fu cancel c3'],
  });
}
