// 1M chained process.nextTick callbacks.
let n = 0;
function tick() { if (++n < 1e6) process.nextTick(tick); }
process.nextTick(tick);
