'use strict';
// internal/debugger/inspect_repl: the `debug>` prompt of `eddy inspect`. It is a node:repl
// whose eval runs the line in a context of commands: plain names are getters that act when
// read (`cont`, `next`, `bt`, `watchers`, ...) and the rest are functions (`sb(...)`, `list(5)`,
// `exec(...)`); `exec expr` and `p expr` are rewritten to `exec("expr")`, and an empty line
// repeats the last command. What the program is doing arrives as protocol events: a pause
// prints "<reason> in <file>:<line>", the watchers and the source around the line. `repl`
// switches to evaluating lines in the program itself until Ctrl+C.

const fs = require('fs');
const path = require('path');
const repl = require('repl');
const vm = require('vm');
const { fileURLToPath } = require('url');
const { inspect } = require('internal/util/inspect');
const {
  codes: { ERR_DEBUGGER_ERROR }, validateNumber, validateString,
} = require('internal/errors');
const { RemoteObject, fromEvalResult, convertResultToError } = require('internal/debugger/remote_object');

const kCustomInspect = inspect.custom;
// Source lines shown either side of the current one when the program pauses (changed with
// setContextLineNumber).
const kDefaultContextLines = 2;

const HELP = `run, restart, r       Run the application or reconnect
kill                  Kill a running application or disconnect

cont, c               Resume execution
next, n               Continue to next line in current file
step, s               Step into, potentially entering a function
out, o                Step out, leaving the current function
backtrace, bt         Print the current backtrace
list                  Print the source around the current line where execution
                      is currently paused
setContextLineNumber  Set which lines to check for context
setBreakpoint, sb     Set a breakpoint
clearBreakpoint, cb   Clear a breakpoint
breakpoints           List all known breakpoints
breakOnException      Pause execution whenever an exception is thrown
breakOnUncaught       Pause execution whenever an exception isn't caught
breakOnNone           Don't pause on exceptions (this is the default)

watch(expr)           Start watching the given expression
unwatch(expr)         Stop watching an expression
unwatch(index)        Stop watching an expression at specific index from watch list
watchers              Print all watched expressions and their current values

exec(expr), p(expr), exec expr, p expr
                      Evaluate the expression and print the value
repl                  Enter a debug repl that works like exec

scripts               List application scripts that are currently loaded
scripts(true)         List all scripts (including node-internals)

profile               Start CPU profiling session.
profileEnd            Stop current CPU profiling session.
profiles              Array of completed CPU profiling sessions.
profiles[n].save(filepath = 'node.cpuprofile')
                      Save CPU profiling session to disk as JSON.

takeHeapSnapshot(filepath = 'node.heapsnapshot')
                      Take a heap snapshot and save to disk as JSON.`;

// The scripts of the runtime itself, left out of `scripts` unless asked for.
const isNativeUrl = (url) => url.startsWith('node:internal/') || url.startsWith('internal/');

/**
 * A script's name as the CLI shows it: a file: URL as a path, and a path inside the current
 * directory relative to it.
 */
function getRelativePath(filenameOrURL) {
  if (!filenameOrURL) return filenameOrURL;
  let filename = filenameOrURL;
  if (filename.startsWith('file://')) {
    try {
      filename = fileURLToPath(filename);
    } catch {
      return filenameOrURL;
    }
  }
  const dir = `${path.resolve()}${path.sep}`;
  return filename.startsWith(dir) ? filename.slice(dir.length) : filename;
}

/** A line number right-aligned (at least two wide) after a one-character marker. */
function leftPad(n, prefix, maxN) {
  const s = `${n}`;
  const width = Math.max(2, `${maxN}`.length);
  return `${prefix}${' '.repeat(Math.max(0, width - s.length))}${s}`;
}

function createRepl(inspector) {
  const { client, Debugger, HeapProfiler, Profiler, Runtime } = inspector;

  let knownScripts = { __proto__: null };
  let knownBreakpoints = [];
  const watchedExpressions = [];
  const profiles = [];
  let currentBacktrace = null;
  let selectedFrame = null;
  let pauseOnExceptionState = 'none';
  let contextLineNumber = kDefaultContextLines;
  let lastCommand = '';
  let heapSnapshotChain = Promise.resolve();
  let replInstance = null;
  // Set by `repl` while lines are evaluated in the program instead of as commands.
  let debugReplActive = false;
  let controlContext = null;
  // NODE_INSPECT_RESUME_ON_START=1: the pause at the start (--inspect-brk) is passed at once.
  let firstPause = true;

  const inspectOptions = () => ({
    colors: inspector.stdout.isTTY === true && typeof inspector.stdout.hasColors === 'function' &&
      inspector.stdout.hasColors(),
  });
  const print = (text, newline = true) => inspector.print(text, newline);

  function scriptUrl(scriptId) {
    const script = knownScripts[scriptId];
    return script ? script.url : undefined;
  }

  function requirePaused() {
    if (selectedFrame === null) throw new ERR_DEBUGGER_ERROR('Requires execution to be paused');
    return selectedFrame;
  }

  // ----- sources -----

  function hasBreakpointAt(scriptId, lineNumber) {
    return knownBreakpoints.some(({ location }) => location && location.scriptId === scriptId &&
      location.lineNumber === lineNumber);
  }

  /** The source around `location`, `delta` lines either side; util.inspect prints it. */
  class SourceSnippet {
    constructor(location, delta, scriptSource) {
      this.location = location;
      this.delta = delta;
      this.scriptSource = scriptSource;
    }

    [kCustomInspect]() {
      const { scriptId, lineNumber } = this.location;
      const lines = this.scriptSource.split('\n');
      const start = Math.max(1, lineNumber + 1 - this.delta);
      const end = Math.min(lines.length, lineNumber + 1 + this.delta);
      const out = [];
      for (let lineNo = start; lineNo <= end; lineNo++) {
        let marker = ' ';
        if (lineNo === lineNumber + 1) marker = '>';
        else if (hasBreakpointAt(scriptId, lineNo - 1)) marker = '*';
        out.push(`${leftPad(lineNo, marker, end)} ${lines[lineNo - 1].replace(/\r$/, '')}`);
      }
      return out.join('\n');
    }
  }

  async function getSourceSnippet(location, delta = 5) {
    const { scriptSource } = await Debugger.getScriptSource({ scriptId: location.scriptId });
    return new SourceSnippet(location, delta, scriptSource);
  }

  // ----- the paused state -----

  class Backtrace extends Array {
    [kCustomInspect]() {
      return this.map((frame, index) => {
        const { location: { scriptId, lineNumber, columnNumber }, functionName } = frame;
        const url = scriptUrl(scriptId);
        const where = `${url ? getRelativePath(url) : '<unknown>'}:${lineNumber + 1}:${columnNumber}`;
        return `#${index} ${functionName || '(anonymous)'} ${where}`;
      }).join('\n');
    }

    static from(callFrames) {
      const trace = new Backtrace();
      for (const frame of callFrames) trace.push(frame);
      return trace;
    }
  }

  function handleResumed() {
    currentBacktrace = null;
    selectedFrame = null;
  }

  /** The names in each scope of the current frame, innermost first, the global one left out. */
  async function loadScopes(frame) {
    const scopes = frame.scopeChain.filter((scope) => scope.type !== 'global' && scope.object &&
      scope.object.objectId);
    return Promise.all(scopes.map(async (scope) => {
      const { result } = await Runtime.getProperties({
        objectId: scope.object.objectId, ownProperties: true,
      });
      return result.map((prop) => prop.name);
    }));
  }

  async function evalInCurrentContext(code) {
    if (code === '.scope') {
      return loadScopes(requirePaused());
    }
    if (selectedFrame !== null) {
      return fromEvalResult(await Debugger.evaluateOnCallFrame({
        callFrameId: selectedFrame.callFrameId,
        expression: code,
        objectGroup: 'node-inspect',
        generatePreview: true,
      }));
    }
    return fromEvalResult(await Runtime.evaluate({
      expression: code,
      objectGroup: 'node-inspect',
      generatePreview: true,
    }));
  }

  async function formatWatchers(verbose = false) {
    if (watchedExpressions.length === 0) return '';
    const values = await Promise.all(watchedExpressions.map((expr) =>
      evalInCurrentContext(expr).catch((error) => `<${error.message}>`)));
    const lastIndex = watchedExpressions.length - 1;
    const lines = watchedExpressions.map((expr, index) => {
      const prefix = `${leftPad(index, ' ', lastIndex)}: ${expr} =`;
      const value = typeof values[index] === 'string' ? values[index] :
        inspect(values[index], inspectOptions());
      if (!value.includes('\n')) return `${prefix} ${value}`;
      return `${prefix}\n    ${value.split('\n').join('\n    ')}`;
    });
    const list = lines.join('\n');
    return verbose ? `Watchers:\n${list}\n` : list;
  }

  async function watchers(verbose = false) {
    const text = await formatWatchers(verbose);
    if (text !== '') print(text);
  }

  // ----- breakpoints -----

  function handleBreakpointResolved({ breakpointId, location }) {
    const url = location && scriptUrl(location.scriptId);
    if (url) location.scriptUrl = url;
    const known = knownBreakpoints.find((bp) => bp.breakpointId === breakpointId);
    if (known !== undefined) known.location = location;
    else knownBreakpoints.push({ breakpointId, location });
  }

  function listBreakpoints() {
    if (knownBreakpoints.length === 0) {
      print('No breakpoints yet');
      return;
    }
    const formatLocation = (location) => {
      if (!location) return '<unknown location>';
      const url = scriptUrl(location.scriptId) || location.scriptUrl;
      return `${getRelativePath(url)}:${location.lineNumber + 1}`;
    };
    print(knownBreakpoints.map((bp, index) => `#${index} ${formatLocation(bp.location)}`).join('\n'));
  }

  function currentLocation() {
    return requirePaused().location;
  }

  // Plain functions in the command context (as `sb` alone shows them); the work is async.
  function setBreakpoint(script, line, condition, silent) {
    return setBreakpointNow(script, line, condition, silent);
  }

  function clearBreakpoint(url, line) {
    return clearBreakpointNow(url, line);
  }

  async function setBreakpointNow(script, line, condition, silent) {
    const register = ({ breakpointId, actualLocation }, pending) => {
      if (actualLocation) {
        handleBreakpointResolved({ breakpointId, location: actualLocation });
        if (!silent) return getSourceSnippet(actualLocation, 5);
      } else {
        knownBreakpoints.push({ breakpointId, location: pending });
        if (!silent) print(`Warning: script '${script}' was not loaded yet.`);
      }
      return undefined;
    };

    // sb(): here; sb(line): that line of the current script.
    if (script === undefined) {
      return register(await Debugger.setBreakpoint({ location: currentLocation(), condition }));
    }
    if (typeof script === 'number' && line === undefined) {
      const location = { scriptId: currentLocation().scriptId, lineNumber: script - 1 };
      return register(await Debugger.setBreakpoint({ location, condition }));
    }
    validateString(script, 'script');

    // sb('fn()'): pause whenever fn is called.
    if (script.endsWith('()')) {
      const expression = `debug(${script.slice(0, -2)})`;
      const answer = selectedFrame !== null ?
        await Debugger.evaluateOnCallFrame({
          callFrameId: selectedFrame.callFrameId, expression, includeCommandLineAPI: true,
        }) :
        await Runtime.evaluate({ expression, includeCommandLineAPI: true });
      if (answer.exceptionDetails !== undefined) throw convertResultToError(answer.result, answer.exceptionDetails);
      return undefined;
    }

    // sb('file.js', line): a loaded script whose URL contains the name, or one loaded later.
    if (typeof line !== 'number' || !(line > 0)) {
      print('Line should be a positive value');
      return undefined;
    }
    let scriptId = null;
    let ambiguous = false;
    if (knownScripts[script] !== undefined) {
      scriptId = script;
    } else {
      for (const id of Object.keys(knownScripts)) {
        if (knownScripts[id].url.includes(script)) {
          if (scriptId !== null) ambiguous = true;
          scriptId = id;
        }
      }
    }
    if (ambiguous) {
      print('Script name is ambiguous');
      return undefined;
    }
    if (scriptId !== null) {
      return register(await Debugger.setBreakpoint({
        location: { scriptId, lineNumber: line - 1 }, condition,
      }));
    }
    const escaped = script.replace(/([/\\.?*()^${}|[\]+])/g, '\\$1');
    const urlRegex = `^(.*[\\/\\\\])?${escaped}$`;
    const answer = await Debugger.setBreakpointByUrl({ urlRegex, lineNumber: line - 1, condition });
    const actualLocation = answer.locations && answer.locations[0];
    return register({ breakpointId: answer.breakpointId, actualLocation },
      { scriptUrl: script, lineNumber: line - 1 });
  }

  async function clearBreakpointNow(url, line) {
    const breakpoint = knownBreakpoints.find(({ location }) => {
      if (!location) return false;
      const scriptURL = scriptUrl(location.scriptId) || location.scriptUrl;
      return typeof scriptURL === 'string' && scriptURL.includes(url) &&
        location.lineNumber + 1 === line;
    });
    if (breakpoint === undefined) {
      print(`Could not find breakpoint at ${url}:${line}`);
      return;
    }
    await Debugger.removeBreakpoint({ breakpointId: breakpoint.breakpointId });
    knownBreakpoints.splice(knownBreakpoints.indexOf(breakpoint), 1);
  }

  /** After a restart: the breakpoints of the previous run, set again by their script's URL. */
  async function restoreBreakpoints() {
    const previous = knownBreakpoints;
    knownBreakpoints = [];
    const again = previous.filter(({ location }) => location && location.scriptUrl)
      .map(({ location }) => setBreakpoint(location.scriptUrl, location.lineNumber + 1, undefined, true));
    if (again.length === 0) return;
    await Promise.all(again);
    print(`${again.length} breakpoints restored.`);
  }

  function setPauseOnExceptions(state) {
    return Debugger.setPauseOnExceptions({ state }).then(() => {
      pauseOnExceptionState = state;
    });
  }

  // ----- scripts, profiles, heap snapshots -----

  function formatScripts(displayNatives = false) {
    const current = selectedFrame !== null ? selectedFrame.location.scriptId : null;
    return Object.keys(knownScripts)
      .sort((a, b) => (Number(a) - Number(b)) || (a < b ? -1 : a > b ? 1 : 0))
      .map((id) => knownScripts[id])
      .filter((script) => displayNatives || !script.isNative)
      .map((script) => `${script.scriptId === current ? '*' : ' '} ${script.scriptId}: ${getRelativePath(script.url)}`)
      .join('\n');
  }

  function listScripts(displayNatives = false) {
    print(formatScripts(displayNatives));
  }
  listScripts[kCustomInspect] = () => formatScripts(false);

  class Profile {
    constructor(data) {
      this.data = data;
    }

    static register({ profile }) {
      const created = new Profile(profile);
      profiles.push(created);
      return created;
    }

    [kCustomInspect](depth, { stylize }) {
      const { startTime, endTime } = this.data;
      return stylize(`[Profile ${endTime - startTime}\u03bcs]`, 'special');
    }

    save(filename = 'node.cpuprofile') {
      const absolute = path.resolve(filename);
      fs.writeFileSync(absolute, JSON.stringify(this.data));
      print(`Saved profile to ${absolute}`);
    }
  }

  // Snapshots are taken one after another: the chunks of two would interleave.
  function takeHeapSnapshot(filename = 'node.heapsnapshot') {
    const run = () => new Promise((resolve, reject) => {
      const absolute = path.resolve(filename);
      const chunks = [];
      let written = 0;
      const onChunk = ({ chunk }) => {
        chunks.push(chunk);
        written += chunk.length;
        print(`Writing snapshot: ${written}`, false);
      };
      const onProgress = ({ done, total, finished }) => {
        if (finished) print('Heap snapshot prepared.');
        else print(`Heap snapshot: ${done}/${total}`, false);
      };
      const teardown = () => {
        client.removeListener('HeapProfiler.addHeapSnapshotChunk', onChunk);
        client.removeListener('HeapProfiler.reportHeapSnapshotProgress', onProgress);
      };
      client.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
      client.on('HeapProfiler.reportHeapSnapshotProgress', onProgress);
      print('Heap snapshot: 0/0', false);
      HeapProfiler.takeHeapSnapshot({ reportProgress: true }).then(() => {
        teardown();
        try {
          fs.writeFileSync(absolute, chunks.join(''));
        } catch (error) {
          reject(error);
          return;
        }
        print(`Wrote snapshot: ${absolute}`);
        resolve();
      }, (error) => {
        teardown();
        reject(error);
      });
    });
    const result = heapSnapshotChain.then(run);
    heapSnapshotChain = result.catch(() => {});
    return result;
  }

  // ----- the debug repl (`repl`) -----

  function debugEval(input, context, filename, callback) {
    evalInCurrentContext(input).then((result) => callback(null, result), callback);
  }

  function exitDebugRepl() {
    if (!debugReplActive) return;
    debugReplActive = false;
    replInstance.eval = controlEval;
    replInstance.context = controlContext;
    replInstance.removeListener('SIGINT', exitDebugRepl);
    replInstance.removeListener('exit', exitDebugRepl);
    replInstance.setPrompt('debug> ');
    replInstance.displayPrompt();
  }

  function enterDebugRepl() {
    debugReplActive = true;
    replInstance.on('SIGINT', exitDebugRepl);
    replInstance.on('exit', exitDebugRepl);
    replInstance.eval = debugEval;
    replInstance.context = vm.createContext();
    replInstance.setPrompt('> ');
    print('Press Ctrl+C to leave debug repl');
    replInstance.displayPrompt();
  }

  // ----- the command context -----

  /** `exec process.title` -> `exec("process.title")`; an empty line -> the last command. */
  function prepareControlCode(input) {
    if (input === '\n') return lastCommand;
    const match = /^\s*(?:exec|p)\s+([^\n]*)/.exec(input);
    lastCommand = match !== null ? `exec(${JSON.stringify(match[1])})` : input;
    return lastCommand;
  }

  function controlEval(input, context, filename, callback) {
    let result;
    try {
      result = vm.runInContext(prepareControlCode(input), context, filename);
    } catch (error) {
      callback(error);
      return;
    }
    if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
      result.then((value) => callback(null, value), (error) => callback(error));
    } else {
      callback(null, result);
    }
  }

  // The protocol's empty answers ({}) are not printed: commands show their effect instead.
  const quiet = (promise) => promise.then(() => undefined);

  function step(method) {
    handleResumed();
    return quiet(Debugger[method]());
  }

  function initializeContext(context) {
    for (const domain of inspector.domainNames) {
      Object.defineProperty(context, domain, {
        __proto__: null, value: inspector[domain], enumerable: true, configurable: true, writable: true,
      });
    }
    const getters = {
      help() { print(HELP); },
      run() { return inspector.run(); },
      kill() { inspector.killChild(); },
      restart() { return inspector.run(); },
      cont() { return step('resume'); },
      next() { return step('stepOver'); },
      step() { return step('stepInto'); },
      out() { return step('stepOut'); },
      pause() { return quiet(Debugger.pause()); },
      backtrace() {
        requirePaused();
        return currentBacktrace;
      },
      breakpoints() { listBreakpoints(); },
      breakOnException() { return setPauseOnExceptions('all'); },
      breakOnUncaught() { return setPauseOnExceptions('uncaught'); },
      breakOnNone() { return setPauseOnExceptions('none'); },
      watchers() { return watchers(); },
      repl() { enterDebugRepl(); },
      profile() { return quiet(Profiler.start()); },
      profileEnd() { return Profiler.stop().then(Profile.register); },
      profiles() { return profiles; },
      version() {
        return Runtime.evaluate({ expression: 'process.versions.v8', returnByValue: true })
          .then(({ result }) => { print(result.value); });
      },
    };
    const aliases = { c: 'cont', n: 'next', s: 'step', o: 'out', bt: 'backtrace', r: 'run' };
    for (const name of Object.keys(getters)) {
      Object.defineProperty(context, name, { __proto__: null, get: getters[name], enumerable: true, configurable: true });
    }
    for (const alias of Object.keys(aliases)) {
      Object.defineProperty(context, alias, {
        __proto__: null, get: getters[aliases[alias]], enumerable: true, configurable: true,
      });
    }
    const functions = {
      list(delta = 5) {
        return getSourceSnippet(requirePaused().location, delta);
      },
      setBreakpoint, sb: setBreakpoint,
      clearBreakpoint, cb: clearBreakpoint,
      watch(expression) {
        validateString(expression, 'expression');
        watchedExpressions.push(expression);
      },
      unwatch(expression) {
        const index = typeof expression === 'number' ? expression : watchedExpressions.indexOf(expression);
        if (index >= 0 && index < watchedExpressions.length) watchedExpressions.splice(index, 1);
      },
      exec(expression) { return evalInCurrentContext(expression); },
      p(expression) { return evalInCurrentContext(expression); },
      takeHeapSnapshot,
      scripts: listScripts,
      setContextLineNumber(delta = kDefaultContextLines) {
        validateNumber(delta, 'delta', 1);
        contextLineNumber = delta;
      },
    };
    for (const name of Object.keys(functions)) {
      Object.defineProperty(context, name, {
        __proto__: null, value: functions[name], enumerable: true, configurable: true, writable: true,
      });
    }
  }

  // ----- protocol events -----

  client.on('Debugger.scriptParsed', (script) => {
    if (!script.url) return;
    knownScripts[script.scriptId] = { ...script, isNative: isNativeUrl(script.url) };
  });

  client.on('Debugger.breakpointResolved', handleBreakpointResolved);

  client.on('Debugger.resumed', handleResumed);

  // Newer V8s name a step's pause 'step' (and 'ambiguous' when a step and something else
  // stop at once) where Node's V8 said 'other': all of these read "break in".
  function breakTypeOf(reason, data) {
    if (reason === 'ambiguous' && data && Array.isArray(data.reasons)) {
      const other = data.reasons.find((r) => r && r.reason !== 'step' && r.reason !== 'other');
      return other === undefined ? 'break' : other.reason;
    }
    return reason === 'other' || reason === 'step' || reason === 'ambiguous' ? 'break' : reason;
  }

  client.on('Debugger.paused', ({ callFrames, reason, data }) => {
    const wasFirst = firstPause;
    firstPause = false;
    if (wasFirst && process.env.NODE_INSPECT_RESUME_ON_START === '1' && reason === 'Break on start') {
      Debugger.resume().catch(() => {});
      return;
    }
    currentBacktrace = Backtrace.from(callFrames);
    selectedFrame = currentBacktrace[0];
    const { scriptId, lineNumber } = selectedFrame.location;
    const url = scriptUrl(scriptId);
    const breakType = breakTypeOf(reason, data);
    const header = `${breakType} in ${url ? getRelativePath(url) : '[unknown]'}:${lineNumber + 1}`;
    inspector.suspendReplWhile(async () => {
      const [watcherList, context] = await Promise.all([
        formatWatchers(true),
        getSourceSnippet(selectedFrame.location, contextLineNumber).catch(() => null),
      ]);
      const source = context === null ? '' : inspect(context, inspectOptions());
      print(`${header}\n${watcherList ? `${watcherList}\n` : ''}${source}`);
    });
  });

  client.on('Profiler.consoleProfileFinished', ({ profile }) => {
    Profile.register({ profile });
    print('Captured new CPU profile.');
  });

  client.on('close', () => {
    handleResumed();
    knownScripts = { __proto__: null };
  });

  // Each (re)connection: the domains the CLI listens to, the settings it keeps across runs,
  // and then the program is let go (it waits for us under --inspect-brk).
  async function initAfterStart() {
    knownScripts = { __proto__: null };
    firstPause = true;
    handleResumed();
    await Runtime.enable();
    await Profiler.enable();
    await Profiler.setSamplingInterval({ interval: 100 });
    await Debugger.enable();
    await Debugger.setPauseOnExceptions({ state: 'none' });
    await Debugger.setAsyncCallStackDepth({ maxDepth: 0 });
    await Debugger.setBlackboxPatterns({ patterns: [] });
    await Debugger.setPauseOnExceptions({ state: pauseOnExceptionState });
    await restoreBreakpoints();
  }

  return async function startRepl() {
    // Commands need the domains enabled: the prompt comes once they are.
    await initAfterStart();
    inspector.client.on('close', () => {
      if (debugReplActive) exitDebugRepl();
    });
    inspector.client.on('ready', () => {
      initAfterStart().then(() => Runtime.runIfWaitingForDebugger())
        .catch((error) => print(`Failed to start debugging: ${error.message}`));
    });
    replInstance = repl.start({
      prompt: 'debug> ',
      input: inspector.stdin,
      output: inspector.stdout,
      eval: controlEval,
      useGlobal: false,
      ignoreUndefined: true,
    });
    controlContext = replInstance.context;
    initializeContext(controlContext);
    // `.interrupt` does what Ctrl+C does, for input that is not a terminal.
    replInstance.defineCommand('interrupt', {
      help: 'Act as if Ctrl+C was pressed',
      action() {
        replInstance.emit('SIGINT');
      },
    });
    await Runtime.runIfWaitingForDebugger();
    return replInstance;
  };
}

module.exports = { createRepl, getRelativePath, RemoteObject };
