// refresh() restarts a timer from now with its own duration; close() cancels; a timer may
// refresh itself from its callback. The deadlines are at least 50 ms apart, so a loaded
// machine keeps the order.
let fired = 0;
const t = setTimeout(() => console.log('fired', ++fired), 150);
setTimeout(() => { t.refresh(); console.log('refreshed', t.hasRef()); }, 100);
const c = setTimeout(() => console.log('never'), 10);
console.log(c.close() === c, c._destroyed);
const self = setTimeout(() => {
  console.log('self refresh once');
  if (!self.done) { self.done = true; self.refresh(); }
}, 5);
