// Self-reference and "imports" from an ES module.
import mod from './modules/node_modules/selfie/esm.mjs';
import { probe, meta } from './modules/node_modules/selfie/probe.mjs';
console.log(mod);
for (const id of ['selfie', 'selfie/missing', '#utils/none', '#null', '#bad', '#undefined', '#', '#builtin']) {
  const r = await probe(id);
  console.log(id, '->', typeof r === 'string' ? r.replaceAll(process.cwd(), '$D') : Object.keys(r).slice(0, 3));
}
console.log(meta('#dep').replace(/^file:\/\/.*\/e2e\//, ''), meta('#builtin'), meta('#nope').split(' imported')[0]);
