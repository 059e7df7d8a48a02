const os = require('os');
const keys = (o) => Object.keys(o);
console.log(keys(os).sort().join(','));
console.log(os.EOL === '\n', os.platform(), os.type(), os.arch(), os.endianness(), os.devNull);
console.log(typeof os.release(), typeof os.version(), os.machine(), typeof os.hostname());
console.log(os.totalmem() > os.freemem(), os.freemem() > 0, os.uptime() > 0, os.loadavg().length);
const c = os.cpus();
console.log(c.length === os.availableParallelism(), keys(c[0]), keys(c[0].times), typeof c[0].speed);
const ni = os.networkInterfaces();
console.log(keys(ni.lo[0]), ni.lo[0].address, ni.lo[0].cidr, ni.lo[0].internal, ni.lo[0].mac);
const u = os.userInfo();
console.log(keys(u), u.homedir === os.homedir() || process.env.HOME !== u.homedir);
console.log(os.tmpdir(), os.getPriority(), os.constants.signals.SIGINT, os.constants.errno.ENOENT, os.constants.priority.PRIORITY_HIGH);
try { os.getPriority('x'); } catch (e) { console.log(e.code, e.message); }
try { os.setPriority(0, 100); } catch (e) { console.log(e.code, e.message); }
try { os.getPriority(999999); } catch (e) { console.log(e.code, e.name, e.message, e.info); }
