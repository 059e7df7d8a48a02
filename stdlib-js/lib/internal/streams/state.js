'use strict';
// The default highWaterMarks (stream.getDefaultHighWaterMark/setDefaultHighWaterMark) and the
// one reading of a stream's highWaterMark option, shared by Readable and Writable.

const { codes, validateInteger } = require('internal/errors');

// Node 20's defaults: 16 KiB for byte streams, 16 objects in object mode.
let defaultBytes = 16 * 1024;
let defaultObjects = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjects : defaultBytes;
}

function setDefaultHighWaterMark(objectMode, value) {
  validateInteger(value, 'value', 0);
  if (objectMode) defaultObjects = value;
  else defaultBytes = value;
}

/**
 * The highWaterMark of one side: `highWaterMark` wins, then (duplex streams only) the side's own
 * key (`readableHighWaterMark`/`writableHighWaterMark`), then the default for the mode.
 */
function getHighWaterMark(objectMode, options, sideKey, isDuplex) {
  let hwm = options.highWaterMark;
  let name = 'options.highWaterMark';
  if (hwm == null && isDuplex) {
    hwm = options[sideKey];
    name = `options.${sideKey}`;
  } else if (isDuplex) {
    name = `options.${sideKey}`;
  }
  if (hwm == null) return getDefaultHighWaterMark(objectMode);
  if (!Number.isInteger(hwm) || hwm < 0) throw new codes.ERR_INVALID_ARG_VALUE(name, hwm);
  return hwm;
}

module.exports = { getDefaultHighWaterMark, setDefaultHighWaterMark, getHighWaterMark };
