console.log(typeof process.pid, typeof process.ppid, process.pid > 0);
console.log(process.platform, typeof process.arch);
console.log(/^v\d+\.\d+\.\d+$/.test(process.version), typeof process.versions.v8);
console.log(process.release.name, typeof process.config, typeof process.title);
console.log(typeof process.cwd(), process.cwd() === __dirname);
const [s, ns] = process.hrtime();
console.log(Number.isInteger(s), Number.isInteger(ns), ns < 1e9);
const d = process.hrtime([s, ns]);
console.log(d.length, d[0] >= 0);
console.log(typeof process.hrtime.bigint());
console.log(typeof process.uptime(), process.uptime() >= 0);
const mu = process.memoryUsage();
console.log(Object.keys(mu), mu.rss > 0, typeof process.memoryUsage.rss());
const cu = process.cpuUsage();
console.log(Object.keys(cu), cu.user >= 0);
console.log(Object.prototype.toString.call(process), typeof process.on, typeof process.emit);
console.log(typeof process.stdout.write, typeof process.stderr.write, process.stdout.isTTY, process.stderr.isTTY);
try { process.hrtime(1); } catch (e) { console.log(e.code, e.message); }
try { process.hrtime([1]); } catch (e) { console.log(e.code, e.message); }
try { process.chdir(5); } catch (e) { console.log(e.code, e.message); }
try { process.chdir('/definitely/not/here'); } catch (e) { console.log(e.code, e.syscall); }
try { process.exitCode = 'abc'; } catch (e) { console.log(e.code); }
process.chdir('..');
process.chdir(__dirname);
console.log(process.cwd() === __dirname);
