'use strict';
// node:_stream_transform - the legacy name of stream.Transform, kept as Node keeps it.

module.exports = require('stream').Transform;
