globalThis.importedFirst = 'yes';
console.log('imported before main', import.meta.url.endsWith('import_first.mjs'));
