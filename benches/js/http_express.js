// The same hello world through Express (installed by benches/http.rs into target/bench-npm).
const express = require('express');
const app = express();
app.get('/', (req, res) => res.type('text').send('Hello World'));
const server = app.listen(0, '127.0.0.1', () => console.log(server.address().port));
