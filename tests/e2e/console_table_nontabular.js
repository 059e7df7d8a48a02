console.table(5);
console.table('just a string');
console.table(null);
console.table(undefined);
console.table(true);
console.table([]);
console.table({});
try {
  console.table([], 'x');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
