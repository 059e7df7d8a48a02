'use strict';
// async_hooks events of fs.promises requests: each is an FSREQPROMISE resource (init, then
// before/after around its settlement, then destroy); open() makes a FILEHANDLE, close() is a
// FILEHANDLECLOSEREQ. The log holds types and events only, and is written once hooks are off.
const ah = require('async_hooks');
const fs = require('fs');

const fsTypes = new Set(['FSREQPROMISE', 'FILEHANDLE', 'FILEHANDLECLOSEREQ']);
const types = new Map();
let log = [];
const hook = ah.createHook({
  init(id, type, trigger, resource) {
    if (!fsTypes.has(type)) return;
    types.set(id, type);
    log.push({ id, event: 'init', type, resourceIsObject: typeof resource === 'object' });
  },
  before(id) { if (types.has(id)) log.push({ id, event: 'before', type: types.get(id) }); },
  after(id) { if (types.has(id)) log.push({ id, event: 'after', type: types.get(id) }); },
  // A FILEHANDLE is destroyed when collected, whenever that is: not logged.
  destroy(id) {
    if (types.has(id) && types.get(id) !== 'FILEHANDLE') {
      log.push({ id, event: 'destroy', type: types.get(id) });
    }
  },
}).enable();

const out = [];
function section(name) {
  out.push(`-- ${name}`);
}

// Every resource of one type that was initialised saw before, after and destroy, in that order.
function lifecycles(entries) {
  const seen = new Map();
  for (const e of entries) {
    if (!seen.has(e.id)) seen.set(e.id, { type: e.type, events: [] });
    seen.get(e.id).events.push(e.event);
  }
  const summary = new Map();
  for (const { type, events } of seen.values()) {
    const ok = events.join(',') === 'init,before,after,destroy';
    const prev = summary.get(type);
    summary.set(type, prev === undefined ? ok : prev && ok);
  }
  return summary;
}

// Waits for the destroys of the last step to be reported, without logging anything.
function settle() {
  return new Promise((resolve) => setTimeout(resolve, 30));
}

(async () => {
  // readFile's own steps differ between implementations (Node also fstat()s): only the
  // lifecycles are shown.
  log = [];
  const text = await fs.promises.readFile(__filename, 'utf8');
  await settle();
  const summary = lifecycles(log);
  section(`readFile (${text.length > 0 ? 'read' : 'empty'})`);
  out.push(`FSREQPROMISE complete: ${summary.get('FSREQPROMISE')}`);
  // As in Node, a path is opened as a FileHandle, read and closed while hooks watch.
  out.push(`FILEHANDLE made: ${summary.has('FILEHANDLE')}`);
  out.push(`FILEHANDLECLOSEREQ complete: ${summary.get('FILEHANDLECLOSEREQ')}`);

  for (const [name, step] of [
    ['stat', () => fs.promises.stat(__filename)],
    ['stat of a missing file', () => fs.promises.stat(`${__filename}.missing`).catch((e) => e.code)],
    ['access', () => fs.promises.access(__filename)],
  ]) {
    log = [];
    const result = await step();
    // The code after the await runs once `after` was reported, before `destroy`.
    const atContinuation = log.length;
    await settle();
    section(`${name}: ${typeof result === 'string' ? result : typeof result}`);
    out.push(...log.map((e, i) => `${i < atContinuation ? '' : '(later) '}${e.event} ${e.type}` +
      `${e.resourceIsObject ? ' (object resource)' : ''}`));
  }

  log = [];
  const handle = await fs.promises.open(__filename);
  await settle();
  section('open');
  out.push(...log.map((e) => `${e.event} ${e.type}`));
  out.push(`getAsyncId of a number: ${typeof handle.getAsyncId() === 'number' && handle.getAsyncId() > 0}`);

  log = [];
  await handle.stat();
  await settle();
  section('handle.stat');
  out.push(...log.map((e) => `${e.event} ${e.type}`));

  log = [];
  const { bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
  await settle();
  section(`handle.read (${bytesRead} bytes)`);
  out.push(...log.map((e) => `${e.event} ${e.type}`));

  log = [];
  await handle.close();
  await settle();
  section('handle.close');
  out.push(...log.map((e) => `${e.event} ${e.type}`));

  hook.disable();
  console.log(out.join('\n'));
})();
