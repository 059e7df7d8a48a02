'use strict';
// node:constants - deprecated (DEP0008): os, fs and crypto constants in one flat object.

const os = require('os');
const fs = require('fs');

const constants = {};
Object.assign(constants, os.constants.dlopen, os.constants.errno, os.constants.priority,
  os.constants.signals, fs.constants);
module.exports = Object.freeze(constants);
