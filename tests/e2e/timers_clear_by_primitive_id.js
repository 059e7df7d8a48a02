const t = setTimeout(() => console.log('never'), 5);
const id = +t;
console.log(typeof id, typeof t[Symbol.toPrimitive]());
clearTimeout(id);
const u = setTimeout(() => console.log('never either'), 5);
clearTimeout(`${+u}`);
const iv = setInterval(() => console.log('never interval'), 5);
clearInterval(+iv);
setTimeout(() => console.log('done'), 20);
