// A missing named export of an ES module: the arrow starts the stack, with no blank line.
import { nothere } from './modules/esm/plain.mjs';
