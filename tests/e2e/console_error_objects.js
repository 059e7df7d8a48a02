const e = new TypeError('bad thing');
e.stack = 'TypeError: bad thing\n    at fake (file.js:1:1)';
console.error(e);
console.log({ err: e });
const withCode = new Error('coded');
withCode.stack = 'Error: coded\n    at somewhere (x.js:2:3)';
withCode.code = 'E_CODE';
console.error(withCode);
console.log('%s', e);
