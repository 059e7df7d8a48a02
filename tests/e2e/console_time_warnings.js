console.timeEnd('missing');
console.timeLog('also-missing', 'data');
console.time('dup');
console.time('dup');
console.time();
console.time();
console.timeEnd('nope');
console.log('end of script');
