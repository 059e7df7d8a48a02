// The smallest Eddy program: `cargo run --release -- examples/hello.js`
const os = process.platform;
console.log(`Hello from Eddy ${process.versions.eddy} (V8 ${process.versions.v8}) on ${os}!`);
console.log({ node: process.version, argv: process.argv.slice(2) });
