// crypto.getFips/setFips(false)/fips, setEngine's argument checks and unknown engines, and
// secureHeapUsed() without --secure-heap.
const c = require('crypto');
const d = Object.getOwnPropertyDescriptor(c, 'fips');
console.log(c.getFips(), c.fips, typeof d.get, typeof d.set, d.enumerable, d.configurable);
for (const a of [[false], [0], []]) console.log(c.setFips(...a), c.getFips());
for (const a of [['x'], [1], [undefined], ['dynamic', 'x'], ['openssl', 0], ['nope', c.constants.ENGINE_METHOD_ALL]]) {
  try { console.log(c.setEngine(...a)); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(c.secureHeapUsed());
console.log(['getFips', 'setFips', 'setEngine', 'secureHeapUsed'].every((k) => Object.keys(c).includes(k)));
