// With NODE_PENDING_DEPRECATION=1, requiring punycode emits DEP0040 once.
process.on('warning', (w) => console.log('warning event:', w.name, w.code));
require('punycode');
require('node:punycode');
console.log('required', typeof require('punycode').toASCII);
