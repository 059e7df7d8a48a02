// process: ids, kill, resourceUsage, getBuiltinModule, source-map switch, loadEnvFile.
const t = (name, fn) => { try { console.log(name, fn()); } catch (e) { console.log(name, 'THROWS', e.name, e.code, e.message, e.errno, e.syscall); } };
t('ids', () => [process.getuid(), process.geteuid(), process.getgid(), process.getegid()].every((n) => typeof n === 'number'));
t('groups', () => Array.isArray(process.getgroups()));
t('kill 0', () => process.kill(process.pid, 0));
t('kill esrch', () => process.kill(2 ** 30, 0));
t('kill bad pid', () => process.kill('abc'));
t('kill bad sig', () => process.kill(process.pid, 'SIGNOPE'));
t('resourceUsage', () => Object.keys(process.resourceUsage()).join());
t('getBuiltinModule', () => [process.getBuiltinModule('fs') === require('fs'), process.getBuiltinModule('node:path') === require('path'), process.getBuiltinModule('nope'), process.getBuiltinModule('test'), typeof process.getBuiltinModule('node:test')]);
t('getBuiltinModule bad', () => process.getBuiltinModule(1));
t('sourceMaps', () => { process.setSourceMapsEnabled(true); return process.sourceMapsEnabled; });
require('fs').writeFileSync(`${__dirname}/env_file.tmp`, 'A_FROM_ENV=1\n# comment\nB_QUOTED="two words"\nPATH=nope\n');
process.loadEnvFile(`${__dirname}/env_file.tmp`);
require('fs').unlinkSync(`${__dirname}/env_file.tmp`);
t('loadEnvFile', () => [process.env.A_FROM_ENV, process.env.B_QUOTED, process.env.PATH !== 'nope']);
t('loadEnvFile missing', () => process.loadEnvFile('/nonexistent/.env'));
