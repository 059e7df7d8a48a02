// diagnostics_channel: channels, subscribers, stores and TracingChannel around sync, callback and promise work.
const dc = require('diagnostics_channel');
console.log(Object.keys(dc));
const ch = dc.channel('my');
console.log(ch.name, ch.hasSubscribers, dc.hasSubscribers('my'), ch === dc.channel('my'));
const fn = (msg, name) => console.log('got', msg, name);
dc.subscribe('my', fn); console.log(ch.hasSubscribers); ch.publish({ a: 1 }); console.log(dc.unsubscribe('my', fn), dc.unsubscribe('my', fn), ch.hasSubscribers);
const tc = dc.tracingChannel('t'); console.log(Object.keys(tc), typeof tc.traceSync, tc.start.name);
const events = [];
tc.subscribe({ start(m) { events.push(['start', { ...m }]); }, end(m) { events.push(['end', { ...m }]); }, asyncStart(m) { events.push(['asyncStart', m.result]); }, asyncEnd(m) { events.push(['asyncEnd']); }, error(m) { events.push(['err', m.error.message]); } });
console.log(tc.traceSync((x) => x * 2, { ctx: 1 }, null, 21));
try { tc.traceSync(() => { throw new Error('E'); }, { c: 2 }); } catch {}
tc.traceCallback((a, cb) => setTimeout(() => cb(null, a + 1), 1), -1, { cb: 1 }, null, 5, (err, r) => events.push(['cb result', r]));
tc.tracePromise(async (v) => v * 3, { p: 1 }, null, 7).then((r) => {
  events.push(['promise result', r]);
  setTimeout(() => console.log(JSON.stringify(events)), 5);
});
try { dc.channel(1); } catch (e) { console.log(e.code, e.message); }
console.log(require('util').inspect(dc.channel('fresh')));
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
const sc = dc.channel('stores');
sc.bindStore(als, (data) => ({ wrapped: data }));
sc.runStores({ id: 9 }, () => console.log('store', als.getStore()));
const w = require('worker_threads');
console.log(w.isMainThread, w.parentPort, w.threadId, w.workerData);
