// -C/--conditions adds an exports condition for require and import; -r preloads a module.
const probe = require('./modules/probe-root');
console.log(probe('exp-custom'), process.execArgv);
probe.imp('exp-custom').then((ns) => console.log(ns.default.who));
