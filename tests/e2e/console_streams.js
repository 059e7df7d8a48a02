console.log('to stdout via log');
console.info('to stdout via info');
console.debug('to stdout via debug');
console.warn('to stderr via warn');
console.error('to stderr via error', { code: 1 });
console.dirxml('dirxml goes to stdout', [1, 2]);
