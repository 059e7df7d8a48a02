// --import runs ES modules (resolved from the cwd) before the main script.
console.log('main sees', globalThis.importedFirst, require.main === module);
