import { basename } from 'node:path';
export const name = basename('/a/b/detected.js');
