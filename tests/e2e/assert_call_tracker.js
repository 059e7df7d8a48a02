const assert = require('assert');
const tracker = new assert.CallTracker();
const f = tracker.calls(() => 'r', 2);
console.log(f(1, 2), f.name, f.length);
console.log(tracker.getCalls(f));
const summary = (r) => r.map(({ message, actual, expected, operator, stack }) =>
  ({ message, actual, expected, operator, stack: stack instanceof Error }));
console.log(summary(tracker.report()));
try { tracker.verify(); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator); }
const g = tracker.calls(function named() {}, 3);
try { tracker.verify(); } catch (e) { console.log(JSON.stringify(e.message), Object.keys(e).length); }
f(); g(); g(); g();
tracker.verify();
console.log('verified');
tracker.reset(f);
console.log(tracker.getCalls(f).length, tracker.getCalls(g).length);
const h = tracker.calls();
console.log(typeof h(), summary(tracker.report()).map((r) => r.message));
try { tracker.getCalls(() => {}); } catch (e) { console.log(e.code, e.message); }
