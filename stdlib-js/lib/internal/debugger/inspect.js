'use strict';
// internal/debugger/inspect: `eddy inspect`, the command-line debugger client.
//
//   eddy inspect [--port=N] script.js [args]   run the script in a child under --inspect-brk
//   eddy inspect host:port                      attach to a program already listening
//   eddy inspect -p pid                         make a running process listen (SIGUSR1), attach
//
// The child's output is shown with a "< " before each line. Once connected, the `debug>`
// prompt (internal/debugger/inspect_repl) takes commands; `run`/`restart` start the child
// again and reconnect, `kill` stops it, `.exit` ends both.

const { spawn } = require('child_process');
const net = require('net');
const { Client, domainProxy } = require('internal/debugger/inspect_client');
const { createRepl } = require('internal/debugger/inspect_repl');
const { codes: { ERR_DEBUGGER_STARTUP_ERROR } } = require('internal/errors');

const kGenericUserError = 1;
const kInvalidCommandLineArgument = 9;
const kDefaultPort = 9229;
// How long to wait for a port given with --port to be free before giving up.
const kPortFreeTimeout = 3000;
const kConnectAttempts = 5;
const kConnectRetryDelay = 1000;

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once nothing listens on host:port (port 0 is always free). */
function portIsFree(host, port, timeout = kPortFreeTimeout) {
  if (port === 0) return Promise.resolve();
  const retryDelay = 150;
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      reject(new ERR_DEBUGGER_STARTUP_ERROR(`Timeout (${timeout}) waiting for ${host}:${port} to be free`));
    }, timeout);
    const ping = () => {
      if (done) return;
      const socket = net.connect(port, host);
      let retried = false;
      const retry = () => {
        if (retried || done) return;
        retried = true;
        setTimeout(ping, retryDelay);
      };
      socket.on('error', (error) => {
        if (error.code === 'ECONNREFUSED') {
          done = true;
          clearTimeout(timer);
          resolve();
        } else {
          retry();
        }
      });
      socket.on('connect', () => {
        socket.destroy();
        retry();
      });
    };
    ping();
  });
}

/**
 * Starts the script in a child waiting for a debugger; resolves with the child and the
 * address its inspector announced ("Debugger listening on ws://host:port/...").
 */
async function runScript(script, scriptArgs, inspectHost, inspectPort, childPrint) {
  await portIsFree(inspectHost, inspectPort);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--inspect-brk=${inspectPort}`, script, ...scriptArgs]);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (text) => childPrint(text, child));
    child.stderr.on('data', (text) => childPrint(text, child));
    let output = '';
    const onExit = (code, signal) => {
      reject(new ERR_DEBUGGER_STARTUP_ERROR(
        `The program exited before its inspector started (${signal || `code ${code}`})`));
    };
    const waitForListenHint = (text) => {
      output += text;
      const found = /Debugger listening on ws:\/\/\[?(.+?)\]?:(\d+)\//.exec(output);
      if (found === null) return;
      child.stderr.removeListener('data', waitForListenHint);
      child.removeListener('exit', onExit);
      resolve([child, Number(found[2]), found[1]]);
    };
    child.stderr.on('data', waitForListenHint);
    child.on('exit', onExit);
  });
}

function usage() {
  process.stderr.write('Usage: eddy inspect script.js\n' +
    '       eddy inspect <host>:<port>\n' +
    '       eddy inspect --port=<port> Use 0 for random port assignment\n' +
    '       eddy inspect -p <pid>\n');
}

function parseArgv(argv) {
  const args = [...argv];
  const target = args.shift();
  let host = '127.0.0.1';
  let port = kDefaultPort;
  let script = target;
  let scriptArgs = args;

  const hostMatch = /^([^:]+):(\d+)$/.exec(target);
  // --inspect-port=N is taken as --port=N: the child is started with that port either way.
  const portMatch = /^--(?:inspect-)?port=(\d+)$/.exec(target);
  if (hostMatch !== null) {
    host = hostMatch[1];
    port = Number(hostMatch[2]);
    script = null;
  } else if (portMatch !== null) {
    port = Number(portMatch[1]);
    script = args[0];
    scriptArgs = args.slice(1);
  } else if (target === '-p' && args.length === 1 && /^\d+$/.test(args[0])) {
    const pid = Number(args[0]);
    try {
      // What process._debugProcess does on POSIX: SIGUSR1 opens the target's inspector.
      process.kill(pid, 'SIGUSR1');
    } catch (error) {
      if (error.code === 'ESRCH') {
        process.stderr.write(`Target process: ${pid} doesn't exist.\n`);
        process.exit(kGenericUserError);
      }
      throw error;
    }
    script = null;
  }
  return { host, port, script, scriptArgs };
}

class NodeInspector {
  constructor(options, stdin, stdout) {
    this.options = options;
    this.stdin = stdin;
    this.stdout = stdout;
    // True while output is printed for a pause: no prompt until it is all out.
    this.paused = true;
    this.child = null;
    this.repl = null;
    this.client = new Client();
    this.domainNames = ['Debugger', 'HeapProfiler', 'Profiler', 'Runtime', 'Console', 'Schema',
      'NodeTracing', 'NodeWorker', 'NodeRuntime'];
    for (const domain of this.domainNames) this[domain] = domainProxy(this.client, domain);

    const startRepl = createRepl(this);
    this.run().then(() => startRepl()).then((repl) => {
      this.repl = repl;
      this.repl.on('exit', () => process.exit(0));
      this.paused = false;
    }).then(null, (error) => process.nextTick(() => { throw error; }));
  }

  _runScript() {
    const { script, scriptArgs, host, port } = this.options;
    if (script === null) return Promise.resolve([null, port, host]);
    return runScript(script, scriptArgs, host, port, (text, child) => this.childPrint(text, child));
  }

  async run() {
    this.killChild();
    const [child, port, host] = await this._runScript();
    this.child = child;
    this.print(`connecting to ${host}:${port} ..`, false);
    for (let attempt = 0; attempt < kConnectAttempts; attempt++) {
      this.stdout.write('.');
      try {
        await this.client.connect(port, host);
        this.stdout.write(' ok\n');
        return;
      } catch (error) {
        if (error.fatal) throw error;
        await delay(kConnectRetryDelay);
      }
    }
    this.stdout.write(' failed to connect, please retry\n');
    this.killChild();
    process.exit(kGenericUserError);
  }

  killChild() {
    // The child first: with the connection gone first, a paused program would run on.
    if (this.child !== null) {
      this.child.kill();
      this.child = null;
    }
    this.client.reset();
  }

  clearLine() {
    if (this.stdout.isTTY) {
      this.stdout.cursorTo(0);
      this.stdout.clearLine(1);
    } else {
      this.stdout.write('\b');
    }
  }

  print(text, appendNewline = true) {
    this.clearLine();
    this.stdout.write(appendNewline ? `${text}\n` : text);
  }

  /** The child's output, each line marked "< ", then the prompt again. */
  childPrint(text, child) {
    this.print(text.split(/\r\n|\r|\n/g).map((line) => `< ${line}`).join('\n'));
    if (!this.paused) this.repl.displayPrompt(true);
    // The program is done and only waits for us to go: let it end (unless a restart has
    // already put another in its place).
    if (child === this.child && /Waiting for the debugger to disconnect\.\.\.\r?\n$/.test(text)) {
      this.killChild();
    }
  }

  /** Holds the prompt (and input) back while `fn` prints, then shows the prompt again. */
  suspendReplWhile(fn) {
    if (this.repl) this.repl.pause();
    this.stdin.pause();
    this.paused = true;
    return (async () => {
      try {
        await fn();
        this.paused = false;
        if (this.repl) {
          this.repl.resume();
          this.repl.displayPrompt();
        }
        this.stdin.resume();
      } catch (error) {
        process.nextTick(() => { throw error; });
      }
    })();
  }
}

function start(argv = process.argv.slice(2), stdin = process.stdin, stdout = process.stdout) {
  if (argv.length < 1) {
    usage();
    process.exit(kInvalidCommandLineArgument);
    return;
  }
  const options = parseArgv(argv);
  let inspector = null;
  process.on('uncaughtException', (error) => {
    if (error && error.code === 'ERR_DEBUGGER_STARTUP_ERROR') {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`${error && error.stack || error}\n`);
    }
    if (inspector !== null) inspector.killChild();
    process.exit(kGenericUserError);
  });
  process.on('exit', () => {
    if (inspector !== null) inspector.killChild();
  });
  inspector = new NodeInspector(options, stdin, stdout);
}

module.exports = { start };
