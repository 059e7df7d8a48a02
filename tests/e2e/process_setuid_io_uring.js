// With UV_USE_IO_URING=1 the identity setters refuse (Node's guard for CVE-2024-22017), after
// argument validation and before any user/group lookup; the variable is read once at startup.
const { execFileSync } = require('child_process');

const code = `
for (const [fn, args] of [['setuid', [1000]], ['seteuid', [1000]], ['setgid', [1000]],
    ['setegid', [1000]], ['setgroups', [[1000]]], ['initgroups', ['no-such-user-x', 1000]]]) {
  try { process[fn](...args); console.log(fn, 'succeeded'); }
  catch (e) { console.log(fn, e.name, e.code, e.message, e.stack.split('\\n')[1].trim().split(' ')[1]); }
}
try { process.setuid({}); } catch (e) { console.log('invalid id:', e.code); }
process.env.UV_USE_IO_URING = '0';
try { process.setgid(1000); } catch (e) { console.log('after env change:', e.code); }
`;
for (const value of ['1', '2']) {
  console.log(`UV_USE_IO_URING=${value}`);
  process.stdout.write(execFileSync(process.execPath, ['-e', code], {
    encoding: 'utf8',
    env: { ...process.env, UV_USE_IO_URING: value },
  }));
}
