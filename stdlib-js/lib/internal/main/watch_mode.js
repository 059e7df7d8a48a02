'use strict';
// `eddy --watch script [args]` (and `--watch-path=p`): the script runs in a child process,
// which is restarted whenever a watched file changes. Without --watch-path the watched files
// are those the child loads: it reports each to this process over IPC (`report` below, called
// by the loaders when WATCH_REPORT_DEPENDENCIES is set), as Node's watch mode does. Messages
// are Node's: "Completed running '<command>'", "Failed running '<command>'", "Restarting
// '<command>'"; the screen is cleared before a restart on a terminal unless
// --watch-preserve-output.

const { getOptionValue } = require('internal/options');

// Options of this process that the child must not get (it would watch again).
const watchOptions = new Set(['--watch', '--watch-path', '--watch-preserve-output']);

// Changes closer together than this restart once.
const kDebounceMs = 200;

/** process.execArgv without the watch options (`--watch-path p` takes its value along). */
function childExecArgv() {
  const out = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const name = args[i].split('=')[0];
    if (watchOptions.has(name)) {
      if (name === '--watch-path' && !args[i].includes('=')) i++;
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

function run() {
  const { spawn } = require('child_process');
  const fs = require('fs');
  const path = require('path');
  const { fileURLToPath } = require('url');

  // process.argv is [execPath, script as typed, ...args] here.
  const argv = process.argv.slice(1);
  const command = argv.join(' ');
  const execArgv = childExecArgv();
  const watchPaths = getOptionValue('--watch-path');
  const preserveOutput = getOptionValue('--watch-preserve-output');
  const color = process.stdout.isTTY === true && process.stdout.hasColors?.() === true;
  const say = (text, code) => {
    process.stdout.write(color ? `\u001b[${code}m${text}\u001b[39m\n` : `${text}\n`);
  };

  const watchers = new Map();
  let child = null;
  let restarting = false;
  let stopping = false;
  let timer = null;

  const onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(restart, kDebounceMs);
  };
  const watch = (file, recursive) => {
    if (watchers.has(file)) return;
    try {
      watchers.set(file, fs.watch(file, { recursive }, onChange));
    } catch {
      // A file that is gone (or cannot be watched) is not watched, as in Node.
    }
  };
  const watchReported = (message) => {
    if (message === null || typeof message !== 'object') return;
    for (const file of message['watch:require'] || []) watch(`${file}`, false);
    for (const url of message['watch:import'] || []) {
      if (`${url}`.startsWith('file:')) watch(fileURLToPath(`${url}`), false);
    }
  };
  const watchAll = () => {
    if (watchPaths.length > 0) {
      for (const p of watchPaths) watch(path.resolve(p), true);
    } else {
      watch(path.resolve(argv[0]), false);
    }
  };

  const start = () => {
    const env = { ...process.env };
    if (watchPaths.length === 0) env.WATCH_REPORT_DEPENDENCIES = '1';
    child = spawn(process.execPath, [...execArgv, ...argv], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env,
    });
    child.on('message', watchReported);
    child.once('exit', (code) => {
      child = null;
      if (restarting || stopping) return;
      if (code === 0) say(`Completed running '${command}'`, 32);
      else say(`Failed running '${command}'`, 31);
    });
  };

  const stopChild = () => new Promise((resolve) => {
    if (child === null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

  async function restart() {
    timer = null;
    restarting = true;
    await stopChild();
    restarting = false;
    // The new child reports what it loads afresh: files it no longer loads stop counting.
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
    watchAll();
    if (!preserveOutput && process.stdout.isTTY === true) process.stdout.write('\u001bc');
    say(`Restarting '${command}'`, 32);
    start();
  }

  for (const signal of ['SIGINT', 'SIGTERM']) {
    // Ended by a signal: the child goes too, without a "Failed running" line, as in Node.
    process.on(signal, () => {
      stopping = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      stopChild().then(() => process.exit());
    });
  }
  watchAll();
  start();
}

// ===== the child's side =====

let reporting;

/** Tells the watching parent that `kind` ('require' or 'import') loaded `name`. */
function report(kind, name) {
  if (reporting === undefined) {
    reporting = process.env.WATCH_REPORT_DEPENDENCIES !== undefined && typeof process.send === 'function';
  }
  if (!reporting || !process.connected) return;
  process.send({ [`watch:${kind}`]: [name] });
}

module.exports = { report, run };
