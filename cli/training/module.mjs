// Loaded by main.js with import(): trains the ES module loader (resolution, linking, a
// builtin's ESM facade).
import { join } from 'node:path';
import fs from 'node:fs';

export const joined = join('a', 'b');
export const exists = fs.existsSync(import.meta.dirname ?? '.');
