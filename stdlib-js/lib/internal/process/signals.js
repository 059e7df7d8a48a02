'use strict';
// process.on('SIGINT' | 'SIGTERM' | ...): a listener for a signal name starts a watcher in
// binding.signal (delivered on the loop, in the poll phase); the last listener removed stops it
// and the signal's default action returns. As in Node, this rides on the 'newListener' and
// 'removeListener' events, and a watcher does not keep the process alive by itself.

const watchers = new Map();
let signals; // os.constants.signals, loaded with the first signal name (not at startup)

function isSignal(type) {
  if (typeof type !== 'string' || !type.startsWith('SIG')) return false;
  if (signals === undefined) signals = require('os').constants.signals;
  return Object.prototype.hasOwnProperty.call(signals, type);
}

function errnoError(errno, syscall) {
  const { errnoException } = require('internal/net');
  return errnoException(errno, syscall);
}

function startListeningIfSignal(type) {
  // Signals reach the main thread only, as in Node: a worker's listeners never fire.
  if (binding.config.threadId !== 0) return;
  if (!isSignal(type) || watchers.has(type)) return;
  const token = binding.signal.watch(signals[type], (signo) => process.emit(type, type, signo));
  if (token < 0) throw errnoError(token, 'uv_signal_start');
  watchers.set(type, token);
}

function stopListeningIfSignal(type) {
  const token = watchers.get(type);
  if (token === undefined || process.listenerCount(type) !== 0) return;
  binding.signal.unwatch(token);
  watchers.delete(type);
}

function install(process) {
  process.on('newListener', startListeningIfSignal);
  process.on('removeListener', stopListeningIfSignal);
}

module.exports = { install, isSignal };
