const u = setInterval(() => console.log('unref interval tick'), 10);
u.unref();
console.log(u.hasRef());
const t = setTimeout(() => { console.log('ref timeout fired'); }, 35);
const i = setImmediate(() => console.log('never: unref immediate after ref work'));
i.unref();
console.log(i.hasRef(), i.ref() === i, i.hasRef(), i.unref().hasRef());
process.on('exit', () => console.log('exit, interval still ref?', u.hasRef(), t.hasRef()));
