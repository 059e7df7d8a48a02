const util = require('util');
function fake(err, stack) { err.stack = stack; return err; }
class MyError extends Error {}
console.log(util.inspect(fake(new MyError('sub'), 'Error: sub\n    at q (a.js:1:1)')));
class NamedError extends Error { constructor(m) { super(m); this.name = 'NamedError'; } }
console.log(util.inspect(fake(new NamedError('named'), 'NamedError: named\n    at q (a.js:1:1)')));
const renamed = fake(new Error('m'), 'Error: m\n    at q (a.js:1:1)'); renamed.name = 'Custom';
console.log(util.inspect(renamed));
const renamed2 = fake(new Error('m'), 'Error: m\n    at q (a.js:1:1)'); renamed2.name = 'OtherError';
console.log(util.inspect(renamed2));
const msgChanged = fake(new Error('m'), 'Error: m\n    at q (a.js:1:1)'); msgChanged.message = 'changed';
console.log(util.inspect(msgChanged));
console.log(util.inspect(Object.setPrototypeOf(fake(new Error('np'), 'Error: np\n    at q (a.js:1:1)'), null)));
class TagErr extends Error { get [Symbol.toStringTag]() { return 'Tagz'; } }
console.log(util.inspect(fake(new TagErr('t'), 'Error: t\n    at q (a.js:1:1)')));
