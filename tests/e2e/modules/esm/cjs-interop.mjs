import cjs, { a } from '../cjs/replace.js';
export { cjs, a };
export const __esModule = true;
