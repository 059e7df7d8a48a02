import { sep } from 'node:path';
const base: number = 40;
export const answer: number = base + 2;
export const separator: string = sep;
