'use strict';
// crypto.generatePrime/checkPrime: sizes, safe primes, add/rem constraints, bigint and buffer
// results, the pool (callback) forms, and Node's argument errors.

const crypto = require('crypto');
const { promisify } = require('util');

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}

const isPrime = (n) => crypto.checkPrimeSync(n);
console.log('small', [1n, 2n, 3n, 4n, 5n, 91n, 97n, 561n].map(isPrime).join());
console.log('mersenne 2^127-1', isPrime(2n ** 127n - 1n), '2^128+1', isPrime(2n ** 128n + 1n));
console.log('buffer candidate', isPrime(Buffer.from([0x0b])), isPrime(new Uint8Array([1, 1])));
console.log('3 bits', crypto.generatePrimeSync(3, { bigint: true }));
console.log('2 bits', crypto.generatePrimeSync(2, { bigint: true }));
console.log('add 15 rem 13 in 4 bits', crypto.generatePrimeSync(4, { add: 15n, rem: 13n, bigint: true }));

const p = crypto.generatePrimeSync(64, { bigint: true });
console.log('64-bit', p.toString(2).length, p >> 62n, isPrime(p));
const buf = crypto.generatePrimeSync(80);
console.log('ArrayBuffer result', buf instanceof ArrayBuffer, buf.byteLength, isPrime(buf));
const safe = crypto.generatePrimeSync(48, { safe: true, bigint: true });
console.log('safe', isPrime(safe), isPrime((safe - 1n) / 2n));
const mod = crypto.generatePrimeSync(40, { add: 12n, rem: 11n, bigint: true });
console.log('add/rem', mod % 12n, isPrime(mod));
const safeAdd = crypto.generatePrimeSync(64, { safe: true, add: 5n, bigint: true });
console.log('safe add 5', safeAdd % 5n, isPrime((safeAdd - 1n) / 2n));

attempt('size 0', () => crypto.generatePrimeSync(0));
attempt('size string', () => crypto.generatePrimeSync('8'));
attempt('options number', () => crypto.generatePrimeSync(8, 1));
attempt('safe string', () => crypto.generatePrimeSync(8, { safe: 'yes' }));
attempt('add too wide', () => crypto.generatePrimeSync(64, { add: 2n ** 64n }));
attempt('rem >= add', () => crypto.generatePrimeSync(64, { add: 7n, rem: 7n }));
attempt('negative add', () => crypto.generatePrimeSync(20, { add: -1n }));
attempt('add object', () => crypto.generatePrimeSync(20, { add: {} }));
attempt('candidate number', () => crypto.checkPrimeSync(7));
attempt('negative candidate', () => crypto.checkPrimeSync(-7n));
attempt('checks string', () => crypto.checkPrimeSync(7n, { checks: 'x' }));
attempt('checks too big', () => crypto.checkPrimeSync(7n, { checks: 2 ** 31 }));
attempt('no callback', () => crypto.generatePrime(8));

crypto.generatePrime(32, { bigint: true }, (err, prime) => {
  console.log('async', err, typeof prime, prime.toString(2).length, isPrime(prime));
  crypto.checkPrime(prime, (err2, ok) => console.log('async check', err2, ok));
});
promisify(crypto.generatePrime)(24).then((prime) => console.log('promisified', prime.byteLength));
