console.log(btoa('hello'), btoa(''), btoa('a'), btoa('ab'), btoa('\xff\xfe'));
console.log(atob('aGVsbG8='), atob('aGVsbG8'), JSON.stringify(atob(' YW Jj ')), atob(''));
try { btoa('€'); } catch (e) { console.log(e.name, e.message, e.code); }
try { atob('a'); } catch (e) { console.log(e.name, e.message); }
try { atob('@@@@'); } catch (e) { console.log(e.name); }
try { atob(); } catch (e) { console.log(e.code, e.message); }
console.log(btoa(123), atob(null === null ? 'bnVsbA==' : ''));
