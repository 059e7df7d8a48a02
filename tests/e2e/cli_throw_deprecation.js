// --throw-deprecation: a deprecation becomes an uncaught exception on the next tick.
Buffer(1);
console.log('still runs this line');
