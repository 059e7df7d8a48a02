process.env.EDDY_TEST_NUM = 42;
console.log(typeof process.env.EDDY_TEST_NUM, process.env.EDDY_TEST_NUM);
process.env.EDDY_TEST_BOOL = true;
console.log(process.env.EDDY_TEST_BOOL === 'true');
process.env.EDDY_TEST_UNDEF = undefined;
console.log(process.env.EDDY_TEST_UNDEF, typeof process.env.EDDY_TEST_UNDEF);
console.log('EDDY_TEST_NUM' in process.env, Object.keys(process.env).includes('EDDY_TEST_NUM'));
delete process.env.EDDY_TEST_NUM;
console.log('EDDY_TEST_NUM' in process.env, process.env.EDDY_TEST_NUM);
console.log(process.env.EDDY_FROM_PARENT);
console.log(process.env.DOES_NOT_EXIST_ANYWHERE);
try {
  Object.defineProperty(process.env, 'X', { get() { return 1; } });
} catch (e) {
  console.log(e.name, e.code);
}
