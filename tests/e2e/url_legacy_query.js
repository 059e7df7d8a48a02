const url = require('url');
console.log(url.parse('/foo/bar?x=1&y=2&x=3', true).query, url.parse('http://a.com', true).query);
console.log(url.format({ protocol: 'https', hostname: 'a.com', pathname: '/x', query: { a: 1, b: ['c', 'd'] } }));
console.log(url.parse('http://a.com/p?q=1').format(), url.format(url.parse('https://u:p@x.y:8/a?b#c')));
