'use strict';
// node:_stream_readable - the legacy name of stream.Readable, kept as Node keeps it.

module.exports = require('stream').Readable;
