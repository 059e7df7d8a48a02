require('./nope-nothing');
