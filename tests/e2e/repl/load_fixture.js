const loaded = 42;
function twice(n) {
  return n * 2;
}
twice(loaded)
