// Node options Eddy accepts: deprecation switches, --expose-gc (a V8 flag), --env-file,
// --experimental-* (accepted, no effect).
console.log(process.execArgv.map((a) => a.replace(__dirname, '$DIR')), process.noDeprecation, typeof globalThis.gc);
console.log(process.env.FROM_ENV_FILE, process.env.QUOTED);
Buffer(1); // DEP0005, silenced by --no-deprecation
