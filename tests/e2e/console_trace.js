function inner() {
  console.trace('trace message %d', 42);
}
inner();
console.log('after trace');
