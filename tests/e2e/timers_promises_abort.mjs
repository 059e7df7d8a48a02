import { setTimeout as sleep, setImmediate as immediate, setInterval as every } from 'node:timers/promises';
const ac = new AbortController();
const pending = sleep(1000, 'never', { signal: ac.signal });
ac.abort('stop reason');
try { await pending; } catch (e) { console.log(e.name, e.code, e.message, e.cause); }
try { await immediate('x', { signal: AbortSignal.abort() }); } catch (e) { console.log('already aborted:', e.name, e.code, e.cause.name); }
const ac2 = new AbortController();
setTimeout(() => ac2.abort(), 12);
let ticks = 0;
try {
  for await (const _ of every(5, null, { signal: ac2.signal })) ticks++;
} catch (e) {
  console.log('interval aborted after ticks >= 1:', ticks >= 1, e.name);
}
for (const bad of ['x', { signal: 'nope' }, { ref: 'yes' }]) {
  try { await sleep(1, null, bad); } catch (e) { console.log(e.code); }
}
console.log(await sleep(1, 'unref ok', { ref: false }));
