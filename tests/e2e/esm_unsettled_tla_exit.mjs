// A top-level await that never settles: exit code 13, which 'exit' listeners already see in
// process.exitCode (the event itself carries the code as it was), as in Node.
process.on('exit', (code) => console.log('exit listener', code, process.exitCode));
console.log('waiting');
await new Promise(() => {});
