#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so `npx kitout` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
