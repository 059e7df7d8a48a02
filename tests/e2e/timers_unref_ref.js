// An unref'd interval ticks while a ref'd timeout keeps the loop alive, and stops mattering
// once that timeout has fired; an immediate can be unref'd and ref'd again. The ticks are only
// counted (their deadline, 10 ms, always comes before the timeout's 60 ms), so how fast the
// machine is cannot change the output.
let ticks = 0;
const u = setInterval(() => { ticks++; }, 10);
u.unref();
console.log(u.hasRef());
const t = setTimeout(() => { console.log('ref timeout fired after a tick:', ticks > 0); }, 60);
const i = setImmediate(() => console.log('unref immediate still runs: the timeout keeps the loop alive'));
i.unref();
console.log(i.hasRef(), i.ref() === i, i.hasRef(), i.unref().hasRef());
process.on('exit', () => console.log('exit, interval still ref?', u.hasRef(), t.hasRef()));
