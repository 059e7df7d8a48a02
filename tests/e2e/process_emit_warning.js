process.on('warning', (w) => console.log('listener got', w.name, w.message, w.code));
process.emitWarning('first warning');
process.emitWarning('custom type', 'CustomWarning');
process.emitWarning('with code', 'CustomWarning', 'CODE001');
process.emitWarning('deprecated thing', { type: 'DeprecationWarning', code: 'DEP0999', detail: 'Some detail' });
const err = new Error('an error object');
err.name = 'MyWarning';
process.emitWarning(err);
try { process.emitWarning(5); } catch (e) { console.log(e.code); }
console.log('sync end');
