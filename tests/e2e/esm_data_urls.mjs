// import() of data: URLs: JavaScript, base64, JSON with its attribute, and the errors.
const a = await import('data:text/javascript,export default 42; export const x = "y";');
console.log(a.default, a.x);
const b = await import('data:text/javascript;base64,' + Buffer.from('export const z = import.meta.url.slice(0, 20)').toString('base64'));
console.log(b.z);
const c = await import('data:application/json,{"j":1}', { with: { type: 'json' } });
console.log(c.default);
try { await import('data:text/plain,hi'); } catch (e) { console.log(e.code, e.message); }
try { await import('data:text/javascript,import "./rel.js"'); } catch (e) { console.log(e.code, e.message); }
const d = await import('data:text/javascript,import {sep} from "node:path"; export default sep');
console.log(d.default);
