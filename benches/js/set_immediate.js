// 200k chained setImmediate callbacks.
let n = 0;
function next() { if (++n < 2e5) setImmediate(next); }
setImmediate(next);
