// .load reads this file line by line.
const loaded = 'from load_me.js';
loaded.length
