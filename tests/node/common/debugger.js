'use strict';
// test/common/debugger: drives `<execPath> inspect …` (the command-line debugger) for the
// test-debugger-* files. startCLI(args, flags, spawnOpts) spawns it and returns a handle:
//
//   output            what it printed (stdout and stderr) since the last command, without
//                     the backspaces and colour codes the CLI writes
//   waitFor(re)       resolves once the output matches (rejects after a timeout)
//   waitForPrompt()   … once it ends at a prompt (`debug> `, or `> ` in its repl mode)
//   waitForInitialBreak()  … once it has paused at the start ("Break on start in …")
//   command(line)     clears the output, types the line, waits for the prompt
//   stepCommand(line) … and waits for the pause it causes, then the prompt
//   breakInfo         { filename, line } of the last pause in the output
//   parseSourceLines()  the line numbers of the source lines in the output
//   ctrlC()           leaves the debug repl (the `.interrupt` command acts as Ctrl+C)
//   quit()            types `.exit`, resolves with the exit code

const { spawn } = require('child_process');

const kTimeout = 15000;
// A pause the CLI reports: "<reason> in <file>:<line>".
const kBreakMessage = new RegExp(
  `(?:${['assert', 'break', 'break on start', 'debugCommand', 'exception', 'other',
    'promiseRejection', 'step'].join('|')}) in`, 'i');

function clean(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[\d+(?:;\d+)*[A-Za-z]/g, '').replace(/\u0008/g, '');
}

function startCLI(args, flags = [], spawnOpts = {}) {
  const child = spawn(process.execPath, [...flags, 'inspect', ...args], spawnOpts);
  let raw = '';
  let exitCode = null;
  let exited = false;
  const waiters = new Set();

  const check = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const onData = (chunk) => {
    raw += chunk;
    check();
  };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code, signal) => {
    exited = true;
    exitCode = code === null ? signal : code;
    check();
  });

  if (process.env.VERBOSE === '1') {
    child.stdout.pipe(process.stdout);
    child.stderr.pipe(process.stderr);
  }

  const cli = {
    get output() {
      return clean(raw);
    },

    get rawOutput() {
      return raw;
    },

    flushOutput() {
      raw = '';
    },

    waitFor(pattern, timeout = kTimeout) {
      return new Promise((resolve, reject) => {
        let timer = null;
        const waiter = () => {
          const text = clean(raw);
          if (pattern.test(text)) {
            done();
            resolve(text);
          } else if (exited) {
            done();
            reject(new Error(`The debugger exited (${exitCode}) before printing ${pattern}; ` +
              `output:\n${text}`));
          }
        };
        const done = () => {
          waiters.delete(waiter);
          clearTimeout(timer);
        };
        timer = setTimeout(() => {
          done();
          reject(new Error(`Timeout (${timeout} ms) waiting for ${pattern}; output:\n${clean(raw)}`));
        }, timeout);
        waiters.add(waiter);
        // Lets the caller's code after this call run before an immediate match is taken.
        waiter();
      });
    },

    waitForPrompt(timeout = kTimeout) {
      return cli.waitFor(/>\s+$/, timeout);
    },

    waitForInitialBreak(timeout = kTimeout) {
      return cli.waitFor(/break (?:on start )?in/i, timeout);
    },

    get breakInfo() {
      const text = clean(raw);
      const re = new RegExp(`${kBreakMessage.source} ([^\\n]*?):(\\d+)\\n`, 'ig');
      let last = null;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) last = m;
      if (last === null) throw new Error(`No pause in the output:\n${text}`);
      return { filename: last[1], line: Number(last[2]) };
    },

    parseSourceLines() {
      const lines = [];
      for (const line of clean(raw).split('\n')) {
        const m = /^[ >*]\s*(\d+) /.exec(line) || /^[ >*]\s*(\d+)$/.exec(line);
        if (m !== null) lines.push(Number(m[1]));
      }
      return lines;
    },

    writeLine(input, flush = true) {
      if (flush) cli.flushOutput();
      child.stdin.write(`${input}\n`);
    },

    command(input, flush = true) {
      cli.writeLine(input, flush);
      return cli.waitForPrompt();
    },

    async stepCommand(input) {
      cli.writeLine(input, true);
      await cli.waitFor(kBreakMessage);
      return cli.waitForPrompt();
    },

    ctrlC() {
      return cli.command('.interrupt');
    },

    quit() {
      return new Promise((resolve) => {
        if (exited) {
          resolve(exitCode);
          return;
        }
        child.once('exit', (code, signal) => resolve(code === null ? signal : code));
        child.stdin.end('.exit\n');
      });
    },
  };
  return cli;
}

module.exports = startCLI;
