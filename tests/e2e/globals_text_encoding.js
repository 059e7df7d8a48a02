const enc = new TextEncoder();
console.log(enc.encoding, enc.encode('héllo €'), enc.encode(), enc.encode('\ud800'));
const dest = new Uint8Array(5);
console.log(enc.encodeInto('a€b', dest), dest);
const dec = new TextDecoder();
console.log(dec.encoding, dec.fatal, dec.ignoreBOM);
console.log(dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 104, 105])));
console.log(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 104])).length);
console.log(dec.decode(new Uint8Array([0xff, 0x61])));
try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { console.log(e.name, e.code, e.message); }
const bytes = enc.encode('€uro');
const s = new TextDecoder();
console.log(JSON.stringify(s.decode(bytes.subarray(0, 1), { stream: true })), s.decode(bytes.subarray(1), { stream: true }), JSON.stringify(s.decode()));
console.log(new TextDecoder('utf-16le').decode(new Uint8Array([104, 0, 105, 0])));
console.log(new TextDecoder('latin1').encoding, new TextDecoder('latin1').decode(new Uint8Array([233])));
try { new TextDecoder('klingon'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(dec.decode(new Uint8Array([104, 105]).buffer));
