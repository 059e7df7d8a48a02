'use strict';
// node:_stream_passthrough - the legacy name of stream.PassThrough, kept as Node keeps it.

module.exports = require('stream').PassThrough;
