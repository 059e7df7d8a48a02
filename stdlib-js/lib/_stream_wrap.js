'use strict';
// _stream_wrap (deprecated, DEP0125): JSStreamSocket, a net.Socket over any Duplex stream.

module.exports = require('internal/js_stream_socket');

process.emitWarning('The _stream_wrap module is deprecated.', 'DeprecationWarning', 'DEP0125');
