import './esm/throws.mjs';
console.log('never');
