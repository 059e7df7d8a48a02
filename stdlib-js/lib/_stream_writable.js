'use strict';
// node:_stream_writable - the legacy name of stream.Writable, kept as Node keeps it.

module.exports = require('stream').Writable;
