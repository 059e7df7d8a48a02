'use strict';
// PLACEHOLDER until helper's path.js lands (posix join/resolve/dirname only).
function normalizeParts(p) { const out = []; for (const s of p.split('/')) { if (!s || s === '.') continue; if (s === '..') { if (out.length && out[out.length-1] !== '..') out.pop(); else if (!p.startsWith('/')) out.push('..'); } else out.push(s); } return out; }
function normalize(p) { const abs = p.startsWith('/'); const r = normalizeParts(p).join('/'); return (abs ? '/' : '') + (r || (abs ? '' : '.')); }
function join(...a) { return normalize(a.filter(Boolean).join('/') || '.'); }
function resolve(...a) { let r = ''; for (let i = a.length - 1; i >= 0 && !r.startsWith('/'); i--) r = a[i] + (r ? '/' + r : ''); if (!r.startsWith('/')) r = process.cwd() + '/' + r; const n = normalize(r); return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n; }
function dirname(p) { const i = p.lastIndexOf('/'); return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i); }
function basename(p) { return p.slice(p.lastIndexOf('/') + 1); }
function extname(p) { const b = basename(p); const i = b.lastIndexOf('.'); return i <= 0 ? '' : b.slice(i); }
function isAbsolute(p) { return p.startsWith('/'); }
module.exports = { normalize, join, resolve, dirname, basename, extname, isAbsolute, sep: '/', delimiter: ':' };
