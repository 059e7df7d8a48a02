const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
  }
}
const report = (e) => console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
(async () => {
  await assert.rejects(Promise.reject(new TypeError('x')), TypeError);
  await assert.rejects(async () => { throw new Error('abc'); }, { message: 'abc' });
  await assert.rejects(Promise.resolve(1)).catch(report);
  await assert.rejects(Promise.resolve(1), 'nope').catch(report);
  await assert.rejects(Promise.resolve(1), TypeError).catch(report);
  await assert.rejects(() => 5).catch(report);
  await assert.rejects(5).catch(report);
  await assert.rejects(() => { throw new Error('sync'); }).catch(report);
  await assert.rejects(Promise.reject(new Error('a')), /b/).catch(report);
  await assert.rejects(Promise.reject(new Error('a')), { message: 'b' }).catch(report);
  await assert.rejects(Promise.reject(new Error('a')), 'a').catch(report);
  await assert.doesNotReject(Promise.resolve(1));
  await assert.doesNotReject(Promise.reject(new Error('bad'))).catch(report);
  await assert.doesNotReject(() => Promise.reject(new Error('bad')), 'msg').catch(report);
  await assert.doesNotReject(Promise.reject(new Error('bad')), TypeError).catch(report);
  await assert.doesNotReject(() => 1).catch(report);
  const p = assert.rejects(Promise.reject(1), RangeError);
  console.log(p instanceof Promise);
  await p.catch(report);
  const thenable = { then(res, rej) { rej(new Error('from thenable')); }, catch() {} };
  await assert.rejects(thenable, /thenable/);
  console.log('done');
})();
