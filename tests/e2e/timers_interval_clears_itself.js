let n = 0;
const iv = setInterval((tag) => {
  console.log('tick', ++n, tag);
  if (n === 3) {
    clearInterval(iv);
    setTimeout(() => console.log('after clear, destroyed:', iv._destroyed), 20);
  }
}, 5, 'arg');
