// A .ts file with no package "type" is an ES module when its syntax says so (Node 22.7+).
import { answer, separator } from './ts/detect_esm.ts';
import cjs from './ts/detect_cjs.ts';
import { createRequire } from 'node:module';
console.log(answer, separator, cjs.triple(2));
const require = createRequire(import.meta.url);
console.log(require('./ts/detect_cjs.ts').triple(3));
