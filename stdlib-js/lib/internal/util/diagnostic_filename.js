'use strict';
// Node's names for the files its diagnostics write by default: <prefix>.<yyyymmdd>.<hhmmss>.
// <pid>.<threadId>.<seq>.<ext> in local time, the sequence number shared by every kind (reports,
// heap snapshots, CPU and heap profiles) within a thread.

let sequence = 0;

function pad(n, width = 2) {
  return `${n}`.padStart(width, '0');
}

/** The next name, e.g. next('report', 'json') -> 'report.20261206.192704.14295.0.001.json'. */
function next(prefix, ext) {
  const now = new Date();
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const { threadId } = require('internal/worker/state');
  return `${prefix}.${date}.${time}.${process.pid}.${threadId}.${pad(++sequence, 3)}.${ext}`;
}

module.exports = { next };
