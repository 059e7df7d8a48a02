'use strict';
// node:_stream_duplex - the legacy name of stream.Duplex, kept as Node keeps it.

module.exports = require('stream').Duplex;
