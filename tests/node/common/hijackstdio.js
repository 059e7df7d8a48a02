'use strict';
// test/common/hijackstdio: watch what is written to process.stdout / process.stderr.
// The listener sees each chunk first (its throw is re-raised on the next tick, so a failing
// check is not swallowed by the stream), then the original write still runs; `writeTimes`
// counts the writes while hijacked.

const originals = {};

function hijack(name, listener) {
  const stream = process[name];
  const write = originals[name] = stream.write;
  stream.writeTimes = 0;
  stream.write = function (data, ...rest) {
    try {
      listener(data);
    } catch (err) {
      process.nextTick(() => { throw err; });
    }
    const result = Reflect.apply(write, stream, [data, ...rest]);
    stream.writeTimes++;
    return result;
  };
}

function restore(name) {
  if (!(name in originals)) return;
  process[name].write = originals[name];
  delete process[name].writeTimes;
  delete originals[name];
}

module.exports = {
  hijackStdout: (listener) => hijack('stdout', listener),
  hijackStderr: (listener) => hijack('stderr', listener),
  restoreStdout: () => restore('stdout'),
  restoreStderr: () => restore('stderr'),
};
