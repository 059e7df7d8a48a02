process.on('uncaughtException', (e) => console.log('caught', e.message));
setTimeout(() => { throw new Error('first throws'); }, 5);
setTimeout(() => console.log('second still runs'), 5);
let n = 0;
const iv = setInterval(() => {
  n++;
  if (n === 3) clearInterval(iv);
  throw new Error(`interval throw ${n}`);
}, 10);
