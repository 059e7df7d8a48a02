import data from './esm/data.json' with { type: 'json' };
console.log(data, data.list.length);
const again = await import('./esm/data.json', { with: { type: 'json' } });
console.log(again.default === data);
try { await import('./esm/data.json'); } catch (e) { console.log(e.code, e.name); }
