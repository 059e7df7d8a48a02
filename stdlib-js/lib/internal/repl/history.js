'use strict';
// internal/repl/history: a REPL's history kept in a file (REPLServer#setupHistory), and the
// standalone REPL that `eddy` starts on a terminal or with -i.
//
// The file holds one entry per line, newest first (Node's format). It is read once when the
// REPL starts and written again shortly after each line (and at exit), so a second session
// recalls what the first typed. The standalone REPL keeps it in ~/.eddy_repl_history
// (EDDY_REPL_HISTORY names another file; empty turns it off) and keeps 1000 entries
// (NODE_REPL_HISTORY_SIZE changes that).

const fs = require('fs');
const os = require('os');
const path = require('path');

const kDebounceMs = 15;

function writeNote(repl, text) {
  repl._writeToOutput(text);
  if (repl.terminal) repl._refreshLine();
}

/** The first Up on an empty history says why there is none (the REPL's _ttyWrite asks). */
function noteDisabled(repl, envName) {
  repl._historyDisabledNote = () => {
    repl._historyDisabledNote = null;
    if (repl.history.length === 0) {
      writeNote(repl, `\nPersistent history support disabled. Set the ${envName} environment\n` +
        'variable to a valid, user-writable path to enable.\n');
    }
  };
}

/**
 * Loads `historyPath` into `repl.history` and keeps the file up to date; then `ready(err, repl)`.
 * `envName` is the variable the note about disabled history names.
 */
function setupHistory(repl, historyPath, ready, envName = 'NODE_REPL_HISTORY') {
  if (typeof ready !== 'function') ready = () => {};
  if (typeof historyPath === 'string') historyPath = historyPath.trim();
  if (historyPath === '') {
    noteDisabled(repl, envName);
    ready(null, repl);
    return;
  }
  if (!historyPath) {
    try {
      historyPath = path.join(os.homedir(), '.node_repl_history');
    } catch {
      writeNote(repl, '\nError: Could not get the home directory.\n' +
        'REPL session history will not be persisted.\n');
      noteDisabled(repl, envName);
      ready(null, repl);
      return;
    }
  }

  let data;
  try {
    // History files are conventionally readable by their owner only.
    fs.closeSync(fs.openSync(historyPath, 'a+', 0o600));
    data = fs.readFileSync(historyPath, 'utf8');
  } catch {
    writeNote(repl, '\nError: Could not open history file.\n' +
      'REPL session history will not be persisted.\n');
    noteDisabled(repl, envName);
    ready(null, repl);
    return;
  }
  repl.history = data ? data.split(/[\n\r]+/, repl.historySize) : [];

  let timer = null;
  const flush = () => {
    timer = null;
    try {
      fs.writeFileSync(historyPath, repl.history.join(os.EOL));
    } catch {
      // An unwritable file just stops keeping history.
    }
    repl._flushing = false;
    repl.emit('flushHistory');
  };
  const online = () => {
    repl._flushing = true;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, kDebounceMs);
  };
  repl.on('line', online);
  repl.once('exit', () => {
    repl.off('line', online);
    if (timer !== null) {
      clearTimeout(timer);
      flush();
    }
  });
  ready(null, repl);
}

/** `eddy` with no script on a terminal, or `eddy -i`: Node's standalone REPL. */
function startStandalone(start, kStandaloneREPL) {
  if (process.execArgv.some((arg) => arg === '--input-type' || arg.startsWith('--input-type='))) {
    process.stderr.write('Cannot specify --input-type for REPL\n');
    process.exit(9);
  }
  process.stdout.write(`Welcome to Node.js ${process.version}.\n` +
    'Type ".help" for more information.\n');

  const env = process.env;
  const opts = {
    [kStandaloneREPL]: true,
    ignoreUndefined: false,
    useGlobal: true,
    breakEvalOnSigint: true,
  };
  if (Number.parseInt(env.NODE_NO_READLINE, 10)) opts.terminal = false;
  const { REPL_MODE_SLOPPY, REPL_MODE_STRICT } = require('repl');
  opts.replMode = env.NODE_REPL_MODE ?
    { strict: REPL_MODE_STRICT, sloppy: REPL_MODE_SLOPPY }[env.NODE_REPL_MODE.toLowerCase().trim()] :
    undefined;
  if (opts.replMode === undefined) opts.replMode = REPL_MODE_SLOPPY;
  const size = Number(env.NODE_REPL_HISTORY_SIZE);
  opts.historySize = !Number.isNaN(size) && size > 0 ? size : 1000;

  const repl = start(opts);
  const terminal = 'terminal' in opts ? opts.terminal : process.stdout.isTTY;
  let historyPath = '';
  if (terminal) {
    if (env.EDDY_REPL_HISTORY !== undefined) {
      historyPath = env.EDDY_REPL_HISTORY;
    } else {
      try {
        historyPath = path.join(os.homedir(), '.eddy_repl_history');
      } catch {
        historyPath = undefined;
      }
    }
  }
  setupHistory(repl, historyPath, (err) => {
    if (err) throw err;
  }, 'EDDY_REPL_HISTORY');
  repl.on('exit', () => {
    if (repl._flushing) repl.once('flushHistory', () => process.exit());
    else process.exit();
  });
  return repl;
}

module.exports = { setupHistory, startStandalone };
