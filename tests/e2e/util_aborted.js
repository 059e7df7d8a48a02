// util.aborted / transferableAbortSignal / transferableAbortController; styleText under FORCE_COLOR.
const util = require('util');
(async () => {
  for (const a of [[], [5], [new AbortController().signal], [new AbortController().signal, 5], [new AbortController().signal, null], [{}, {}], [AbortSignal.abort(), {}]]) {
    try { const p = util.aborted(...a); console.log(p instanceof Promise); console.log('resolved', await p); } catch (e) { console.log(e.name, e.code, e.message); }
  }
  const ac = new AbortController();
  const p = util.aborted(ac.signal, {});
  p.then((v) => console.log('done', typeof v, v && v.type));
  ac.abort();
  await p;
  const c = util.transferableAbortController(); console.log(c instanceof AbortController, c.signal.aborted);
  try { util.transferableAbortSignal(5); } catch (e) { console.log(e.code, e.message); }
  console.log(util.transferableAbortSignal(c.signal) instanceof AbortSignal);
  console.log(util.styleText('green', 'g'), util.styleText(['bold'], 'b'));
})();
