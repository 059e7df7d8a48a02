const src = { n: 1, s: 'x', d: new Date(0), r: /a+/gi, m: new Map([[1, { deep: true }]]), set: new Set([1, 2]), arr: [1, , 3], u8: new Uint8Array([1, 2]), big: 10n };
src.self = src;
const c = structuredClone(src);
console.log(c !== src, c.self === c, c.d instanceof Date, c.d.getTime(), c.r.source, c.r.flags);
console.log(c.m.get(1), c.set.has(2), c.arr, c.u8, c.big);
try { structuredClone(() => 1); } catch (e) { console.log(e.name, e.message, e instanceof DOMException, e.code); }
try { structuredClone({ f() {} }); } catch (e) { console.log(e.name); }
try { structuredClone(Symbol('s')); } catch (e) { console.log(e.name); }
try { structuredClone(); } catch (e) { console.log(e.code, e.message); }
const err = structuredClone(new RangeError('cloned'));
console.log(err instanceof RangeError, err.message);
