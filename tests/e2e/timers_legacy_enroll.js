// The deprecated item timers: enroll, unenroll, active, _unrefActive.
const t = require('timers');
const o = { _onTimeout() { console.log('fired', this === o); } };
t.enroll(o, 100); t.active(o); setTimeout(() => { console.log("x"); }, 150);
try { t.enroll({}, -1); } catch (e) { console.log(e.code, e.message); }
try { t.enroll({}, 'a'); } catch (e) { console.log(e.code, e.message); }
const p = { _onTimeout() { console.log('never'); } }; t.enroll(p, 5); t.active(p); t.unenroll(p);
const q = { _onTimeout() { console.log('unref fired'); } }; t.enroll(q, 5); t._unrefActive(q);
console.log(Object.keys(t).sort().join());
