import greet, { fromMts } from './ts/lib.mts';
import type { Shape } from './ts/shapes.mts';
const shape: Shape = { area: () => 2 };
console.log(greet('esm'), fromMts, shape.area(), import.meta.url.endsWith('.mts'));
