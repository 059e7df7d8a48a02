let x = 1;
function double(n) {
  const result = n * 2;
  return result;
}
x = double(x);
x += 1;
console.log('x is', x);
