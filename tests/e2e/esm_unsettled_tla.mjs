console.log('waiting forever');
process.on('exit', (code) => console.log('exit code', code));
await new Promise(() => {});
