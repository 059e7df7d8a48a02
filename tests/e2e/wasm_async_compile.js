// WebAssembly.compile/instantiate finish in V8's background threads: the loop stays alive for
// them and takes their result at once, not at its next wake-up (an unref'd 3 s timer here).
// A tiny module: (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
const bytes = new Uint8Array([0,97,115,109,1,0,0,0,1,7,1,96,2,127,127,1,127,3,2,1,0,7,7,1,3,97,100,100,0,0,10,9,1,7,0,32,0,32,1,106,11]);
const t0 = Date.now();
const timer = setTimeout(() => console.log('timer fired first (bad)'), 3000);
timer.unref();
WebAssembly.instantiate(bytes).then(({ instance }) => {
  console.log('add', instance.exports.add(2, 3), Date.now() - t0 < 2500 ? 'fast' : 'slow');
});
WebAssembly.compile(bytes).then((m) => console.log('compiled', WebAssembly.Module.exports(m)));
