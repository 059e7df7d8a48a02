// Invalid "exports" targets and configs: Node's error codes and messages from require().
const probe = require('./modules/probe-root');
const show = (label, fn) => {
  try {
    console.log(label, '=>', fn());
  } catch (e) {
    console.log(label, '!!', e.code, '|', e.message);
  }
};
for (const id of ['exp-invalid', 'exp-invalid/outside', 'exp-invalid/nm', 'exp-invalid/abs',
  'exp-invalid/pat/one', 'exp-invalid/pat/../main', 'exp-invalid/num', 'exp-invalid/missing',
  'exp-invalid/obj', 'exp-invalid/num-target', 'exp-mixed', 'bad-json', 'exp-cond/lib/%2e%2e/x',
  'exp-cond/lib/..%2fa']) {
  show(`require(${id})`, () => JSON.stringify(probe(id)));
}
show('error props', () => {
  try {
    probe('exp-string/nope');
  } catch (e) {
    return `${e.name} ${e instanceof Error} ${Object.keys(e).join(',')}`;
  }
});
show('missing file target props', () => {
  try {
    probe('exp-invalid/missing');
  } catch (e) {
    return `${e.name} ${Object.keys(e).join(',')} path=${e.path}`;
  }
});
