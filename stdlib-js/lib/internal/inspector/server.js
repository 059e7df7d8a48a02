'use strict';
// The inspector's socket server as the command line starts it: --inspect[=[host:]port],
// --inspect-brk, --inspect-wait, --inspect-port (--debug-port) and --inspect-publish-uid, from
// NODE_OPTIONS and then the command line, the last one winning. The server itself is native
// (runtime/src/inspector/server.rs); this decides when it starts, waits for a debugger, and
// marks the first user code to pause in (--inspect-brk). Console calls are reported to the
// inspector from the moment it listens.

const { tokenize } = require('internal/options');
const { pathToFileURL } = require('internal/url');

const native = binding.inspector;

/** `[host:]port`, `host` or `port`, as Node reads it. */
function parseHostPort(value, into) {
  if (value === undefined || value === '') return;
  if (/^\d+$/.test(value)) {
    into.port = Number(value);
    return;
  }
  const colon = value.lastIndexOf(':');
  if (colon !== -1 && /^\d+$/.test(value.slice(colon + 1))) {
    into.host = value.slice(0, colon);
    into.port = Number(value.slice(colon + 1));
  } else {
    into.host = value;
  }
  if (into.host.startsWith('[') && into.host.endsWith(']')) into.host = into.host.slice(1, -1);
}

function readOptions() {
  const o = { mode: null, host: '127.0.0.1', port: undefined, publish: 'stderr,http' };
  const args = [...tokenize(process.env.NODE_OPTIONS || ''), ...process.execArgv];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') break;
    const eq = arg.indexOf('=');
    const name = (eq === -1 ? arg : arg.slice(0, eq)).replace(/_/g, '-');
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    switch (name) {
      case '--inspect':
      case '--inspect-brk':
      case '--inspect-wait':
        o.mode = name;
        parseHostPort(inline, o);
        break;
      case '--inspect-port':
      case '--debug-port':
        parseHostPort(inline ?? args[++i], o);
        break;
      case '--inspect-publish-uid':
        o.publish = inline ?? args[++i];
        break;
      case '-e': case '--eval': case '-p': case '--print': case '-r': case '--require':
        if (inline === undefined && name !== '-p' && name !== '--print') i++;
        break;
      default:
    }
  }
  return o;
}

/** Open the server on `port`/`host`; whether it listens. Prints what Node prints. */
function open(port, host, publish = 'stderr,http') {
  const script = process.argv[1];
  const title = script ? script : `${process.title}[${process.pid}]`;
  const url = script ? pathToFileURL(script).href : 'file://';
  const destinations = publish.split(',');
  const listening = native.open(port, host, title, url, process.version,
                                destinations.includes('stderr'), destinations.includes('http'));
  if (listening) process.debugPort = native.port();
  return listening;
}

/** Start-up (main thread): start the server the options ask for, before any user code. */
function startFromCommandLine() {
  const o = readOptions();
  if (o.mode === null) return;
  if (!open(o.port ?? process.debugPort, o.host, o.publish)) return;
  if (o.mode === '--inspect-brk' || o.mode === '--inspect-wait') native.waitForDebugger();
  // The user's entry (the main module, -e code, the ES main graph) starts paused: the
  // loaders look for this flag (takeInspectorBreak in internal/modules/cjs/loader).
  if (o.mode === '--inspect-brk') native.breakOnStart = true;
}

module.exports = { open, startFromCommandLine };
