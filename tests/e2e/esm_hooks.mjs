// module.register: resolve/load hooks applied to static and dynamic imports, in a chain
// (last registered first), with Node's errors for a chain that is not completed and for a
// bad return value. URLs with a query are separate module instances.
import { register } from 'node:module';

console.log('register returns', register('./esm/hooks/hooks.mjs', import.meta.url, { data: { n: 1 } }));
register('./esm/hooks/incomplete.mjs', import.meta.url);
register('./esm/hooks/bad_url.mjs', import.meta.url);

const greeting = await import('virtual:greeting');
const data = await import('virtual:data');
console.log(greeting.default, data.default);
const note = await import('./esm/hooks/note.txt');
console.log(note.default);
const lib = await import('./esm/hooks/lib.cjs');
console.log(lib.kind, lib.sum(2, 3));
const a = await import('./esm/hooks/counted.mjs?a');
const b = await import('./esm/hooks/counted.mjs?b');
const a2 = await import('./esm/hooks/counted.mjs?a');
console.log(a === a2, a === b, a.instance.description, b.instance.description);
for (const specifier of ['incomplete:x', 'bad:x']) {
  try {
    await import(specifier);
  } catch (err) {
    console.log(err.code, err.message);
  }
}
