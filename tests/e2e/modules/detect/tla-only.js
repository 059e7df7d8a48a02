await Promise.resolve();
console.log('tla only main ran as ESM:', typeof module);
