// util.styleText (format validation, stream checks) and MIMEType/MIMEParams parsing/serialising.
const util = require('util');
const t = (...a) => { try { console.log(JSON.stringify(util.styleText(...a))); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); } };
t('red', 'x'); t(['bold', 'underline'], 'x'); t('none', 'x'); t('red', 5); t(5, 'x'); t(['red', 'nope'], 'x'); t([], 'x');
t('red', 'x', { validateStream: false }); t('bgRed', 'x', { validateStream: false }); t(['italic', 'bgBlueBright'], 'y');
t('red', 'x', { validateStream: 1 }); t('red', 'x', { stream: 5 });
t('red', 'x', { stream: { isTTY: true } }); t('red', 'x', { stream: { isTTY: true, getColorDepth: () => 1 } });
const { MIMEType, MIMEParams, inspect } = util;
const mt = (s) => { try { const m = new MIMEType(s); console.log(JSON.stringify(s), '->', String(m), m.type, m.subtype, m.essence, JSON.stringify([...m.params])); } catch (e) { console.log(JSON.stringify(s), e.name, e.code, JSON.stringify(e.message)); } };
for (const s of ['text/html', ' Text/HTML ; Charset="utf-8" ; x=y', 'text/plain;a="b\\"c";a=d;;e=;f', 'text', '/x', 'te xt/a', 'text/', 'text/ a', 'text/a b', 'a/b;c="unterminated', 'a/b;c="x" junk;d=e', 'a/b;c= v ;d', 'a/b;ü=1;c=ü;d="é"', 'a/b ;', 'a/b\t\n', '', 'a/b;c=""', 'a/b;c=@', 'a/b;C=1;c=2', 'a/b;c="\\', 'a/b;c="x\\', ' x/y', 'a/b;=c;d=e', 'a/b; c ; d=1', 'a/b;c=€', 'a/b;c="€"', 'x/y;c=a"b']) mt(s);
const m = new MIMEType('text/plain;charset=utf-8');
console.log(m); console.log(inspect(m.params)); console.log(JSON.stringify(m), m.toJSON === m.toString, JSON.stringify({ p: m.params }));
m.type = 'Application'; m.subtype = 'JSON'; m.params.set('Q', 'a b'); m.params.set('e', ''); console.log(m.toString(), m.params.get('q'), m.params.get('Q'), m.params.get('zz'), m.params.has('q'));
for (const f of [() => { m.type = 'a b'; }, () => { m.type = ''; }, () => { m.subtype = 'x/y'; }, () => m.params.set('a b', 'c'), () => m.params.set('a', 'ü'), () => m.params.set('a', '\n'), () => m.params.set('', 'x'), () => m.params.set('k', 'x"y\\z')]) { try { f(); console.log('ok', m.toString()); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); } }
m.params.delete('q'); console.log([...m.params.keys()], [...m.params.values()], [...m.params.entries()], String(m.params), [...m.params]);
const p = new MIMEParams(); p.set('x', 1); console.log(p, String(p), Object.getOwnPropertyNames(MIMEParams.prototype), Object.getOwnPropertyNames(MIMEType.prototype));
console.log(String(new MIMEType({ toString() { return 'a/b'; } })));
try { MIMEType(); } catch (e) { console.log(e.message); }
console.log(Object.prototype.toString.call(m), Object.prototype.toString.call(p), typeof MIMEParams.prototype[Symbol.iterator]);
