'use strict';
// `eddy --prof-process [--preprocess] [-j|--js] [--] isolate-*-v8.log`: a summary of the ticks
// that `--prof` wrote, laid out as Node's ("Statistical profiling result from ..." with the
// Shared libraries / JavaScript / C++ / Summary / C++ entry points / Bottom up sections), or,
// with --preprocess, the resolved log as JSON ({ code, functions, ticks, scripts }, the shape
// V8's profile viewer reads). The log is read by internal/prof/v8_log.

const { parseLog, kGcState } = require('internal/prof/v8_log');

const kUsage = `Cmdline args: [options] [log-file-name]
Default log file name is "v8.log".

Options:
  --preprocess         Print the resolved log as JSON instead of a summary
  -j, --js             Show only ticks from JS VM state
  -h, --help           Print this help
`;

// Callers taking less than this share of their callee's ticks are left out.
const kThresholdPercent = 1.0;

function pct(part, whole) {
  return (whole === 0 ? 0 : (part * 100) / whole).toFixed(1).padStart(5);
}

function row(ticks, total, nonlib, name) {
  const nonlibColumn = nonlib === undefined ? '      ' : `${pct(ticks, nonlib)}%`;
  return `${String(ticks).padStart(7)}  ${pct(ticks, total)}%  ${nonlibColumn}  ${name}`;
}

/** [name, count] pairs of `map`, most ticks first. */
function sorted(map) {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function bump(map, key, by = 1) {
  map.set(key, (map.get(key) || 0) + by);
}

function section(lines, title, header, entries, total, nonlib) {
  lines.push('', ` [${title}]:`, header);
  for (const [name, ticks] of entries) lines.push(row(ticks, total, nonlib, name));
}

/** The ticks' frames as a tree, each tick's own code at the root, its callers below. */
function bottomUp(ticks) {
  const root = { ticks: 0, children: new Map() };
  for (const tick of ticks) {
    let node = root;
    tick.frames.forEach((frame, i) => {
      // An unknown caller says nothing; an unknown top is still where the time went.
      if (frame.entry === undefined && i > 0) return;
      const name = frame.entry === undefined ? 'UNKNOWN' : frame.entry.name;
      let child = node.children.get(name);
      if (child === undefined) {
        child = { ticks: 0, children: new Map() };
        node.children.set(name, child);
      }
      child.ticks++;
      node = child;
    });
    root.ticks++;
  }
  return root;
}

function printTree(lines, node, depth) {
  const children = [...node.children].sort((a, b) => b[1].ticks - a[1].ticks);
  for (const [name, child] of children) {
    if ((child.ticks * 100) / node.ticks < kThresholdPercent) continue;
    lines.push(`${String(child.ticks).padStart(7)}  ${pct(child.ticks, node.ticks)}%  ` +
               `${'  '.repeat(depth)}${name}`);
    printTree(lines, child, depth + 1);
    if (depth === 0) lines.push('');
  }
}

function summary(logName, profile, onlyJs) {
  const ticks = onlyJs ? profile.ticks.filter((t) => t.vm === 0) : profile.ticks;
  const excluded = profile.ticks.length - ticks.length;
  const libs = new Map();
  const js = new Map();
  const cpp = new Map();
  const entryPoints = new Map();
  let unaccounted = 0;
  let gc = 0;
  let cppTicks = 0;
  for (const tick of ticks) {
    if (tick.vm === kGcState) gc++;
    const top = tick.frames[0]?.entry;
    if (top === undefined) {
      unaccounted++;
    } else if (top.type === 'SHARED_LIB') {
      bump(libs, top.name);
    } else if (top.type === 'CPP') {
      bump(cpp, top.name);
      cppTicks++;
      // The outermost C++ frame before the JS that called into it.
      let entry = top;
      for (const frame of tick.frames) {
        if (frame.entry === undefined || frame.entry.type !== 'CPP') break;
        entry = frame.entry;
      }
      bump(entryPoints, entry.name);
    } else {
      bump(js, top.name);
    }
  }
  const total = ticks.length;
  let libTicks = 0;
  for (const n of libs.values()) libTicks += n;
  const nonlib = total - libTicks;
  const sum = (map) => { let n = 0; for (const v of map.values()) n += v; return n; };

  const lines = [`Statistical profiling result from ${logName}, (${total} ticks, ` +
                 `${unaccounted} unaccounted, ${excluded} excluded).`];
  const header = '   ticks  total  nonlib   name';
  section(lines, 'Shared libraries', header, sorted(libs), total, undefined);
  section(lines, 'JavaScript', header, sorted(js), total, nonlib);
  section(lines, 'C++', header, sorted(cpp), total, nonlib);
  lines.push('', ' [Summary]:', header,
             row(sum(js), total, nonlib, 'JavaScript'),
             row(sum(cpp), total, nonlib, 'C++'),
             row(gc, total, nonlib, 'GC'),
             row(libTicks, total, undefined, 'Shared libraries'),
             row(unaccounted, total, undefined, 'Unaccounted'));
  lines.push('', ' [C++ entry points]:', '   ticks    cpp   total   name');
  for (const [name, n] of sorted(entryPoints)) {
    lines.push(`${String(n).padStart(7)}  ${pct(n, cppTicks)}%  ${pct(n, total)}%  ${name}`);
  }
  lines.push('', ' [Bottom up (heavy) profile]:',
             '  Note: percentage shows a share of a particular caller in the total',
             '  amount of its parent calls.',
             `  Callers occupying less than ${kThresholdPercent.toFixed(1)}% are not shown.`,
             '', '   ticks parent  name');
  printTree(lines, bottomUp(ticks), 0);
  return lines.join('\n') + '\n';
}

/** The resolved log: each tick's frames as (code index, offset) pairs, -1 for unknown code. */
function preprocess(profile) {
  const code = profile.allCode.map((e) => {
    const out = { name: e.name, type: e.type };
    if (e.kind !== undefined) out.kind = e.kind;
    if (e.func !== undefined) out.func = e.func;
    if (e.tm !== undefined) out.tm = e.tm;
    return out;
  });
  const functions = [...profile.functions.values()]
    .sort((a, b) => a.index - b.index)
    .map((f) => ({ name: f.name, codes: f.codes }));
  const ticks = profile.ticks.map((t) => {
    const s = [];
    for (const { addr, entry } of t.frames) {
      if (entry === undefined) s.push(-1, addr);
      else s.push(entry.index, addr - entry.start);
    }
    return { tm: t.tm, vm: t.vm, s };
  });
  const scripts = Array.from(profile.scripts, (s) => s ?? null);
  return JSON.stringify({ code, functions, ticks, scripts });
}

function run() {
  const fs = require('fs');
  const args = process.argv.slice(1);
  let mode = 'summary';
  let onlyJs = false;
  let logName;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      logName = args[i + 1] ?? logName;
      break;
    } else if (arg === '--preprocess') {
      mode = 'preprocess';
    } else if (arg === '-j' || arg === '--js') {
      onlyJs = true;
    } else if (arg.startsWith('-')) {
      process.stdout.write(kUsage);
      process.exitCode = arg === '-h' || arg === '--help' ? 0 : 1;
      return;
    } else {
      logName = arg;
    }
  }
  let text;
  try {
    text = logName === undefined ? undefined : fs.readFileSync(logName, 'utf8');
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    process._rawDebug('Please provide a valid isolate file as the final argument.');
    process.exitCode = 1;
    return;
  }
  const profile = parseLog(text);
  process.stdout.write(mode === 'preprocess' ? preprocess(profile) :
    summary(logName, profile, onlyJs));
}

module.exports = { run };
