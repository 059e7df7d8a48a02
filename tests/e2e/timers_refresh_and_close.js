let fired = 0;
const t = setTimeout(() => console.log('fired', ++fired), 30);
setTimeout(() => { t.refresh(); console.log('refreshed', t.hasRef()); }, 20);
const c = setTimeout(() => console.log('never'), 10);
console.log(c.close() === c, c._destroyed);
const self = setTimeout(() => {
  console.log('self refresh once');
  if (!self.done) { self.done = true; self.refresh(); }
}, 5);
