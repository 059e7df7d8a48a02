// A missing named export of a CommonJS module: Node's longer message and the arrow under the import.
import { nothere, a as b } from './modules/cjs/replace.js';
