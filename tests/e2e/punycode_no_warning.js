// Node 20 only warns about punycode under --pending-deprecation: nothing on stderr here.
process.on('warning', (w) => console.log('unexpected warning', w.code));
const punycode = require('punycode');
console.log(punycode.toASCII('bücher.example'));
setTimeout(() => console.log('done'), 1);
