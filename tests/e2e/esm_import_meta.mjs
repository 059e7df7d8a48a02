console.log(import.meta.url.startsWith('file:///'), import.meta.url.endsWith('/esm_import_meta.mjs'));
console.log(import.meta.filename === process.argv[1], import.meta.dirname === process.cwd());
console.log(import.meta.resolve('./esm/lib.mjs').endsWith('/esm/lib.mjs'));
console.log(import.meta.resolve('node:fs'), import.meta.resolve('fs'));
console.log(Object.keys(import.meta).sort());
