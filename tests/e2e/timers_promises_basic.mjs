import { setTimeout as sleep, setImmediate as immediate, setInterval as every, scheduler } from 'node:timers/promises';
import timers from 'node:timers';
console.log(['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate'].every((k) => typeof timers[k] === 'function'), typeof timers.promises.setTimeout);
console.log(await sleep(5, 'slept'));
console.log(await immediate('immediate value'));
let n = 0;
for await (const v of every(5, 'tick')) {
  console.log(v, ++n);
  if (n === 3) break;
}
await scheduler.wait(5);
console.log('waited', await scheduler.yield());
