// 200 x execSync('echo') (each through /bin/sh, as execSync does).
const { execSync } = require('child_process');
for (let i = 0; i < 200; i++) execSync('echo');
