// util.parseEnv: common dotenv syntax.
const { parseEnv } = require('util');
const cases = [
  'A=1\nB=2',
  'export B = two words  \n# comment\nC=3',
  'C="q\\nx" # cm\nD=\'s\\n\'\nE=\nF=a#b\nG=a #b',
  'H="multi\nline"\nI=after',
  '  I  =  spaced  ',
  'K=`bt`',
  'a=1\r\nb=2\r\n',
  'x=1\nx=2',
  'M=1=2',
  'N="a b"  \nO=\'x y\'',
  '',
  '# only comment',
  'P="with # hash"',
  'Q=\'single "inner"\'',
  'R="double \'inner\'"',
];
for (const c of cases) console.log(JSON.stringify(c), JSON.stringify(parseEnv(c)));
try { parseEnv(5); } catch (e) { console.log(e.code, e.message); }
