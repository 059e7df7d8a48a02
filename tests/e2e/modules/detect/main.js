import { name } from './esm-syntax.js';
const v = await Promise.resolve(name);
console.log('main detected as ESM:', v, typeof require);
