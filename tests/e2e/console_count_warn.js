console.countReset('never-counted');
console.count(1);
console.countReset(1);
console.log('after');
