const path = require('path');
console.log(process.argv.length, path.basename(process.argv[1]), process.argv.slice(2));
console.log(path.isAbsolute(process.argv[0]), path.isAbsolute(process.argv[1]));
console.log(Array.isArray(process.execArgv), process.execArgv.length);
