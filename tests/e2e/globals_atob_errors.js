// atob's two error messages: Invalid character vs not correctly encoded.
for (const s of ['Zm9v!', 'Zm9', 'Z', 'Zm9vY', '====', 'Zm=v', 'Zm9v=', ' Z m 9 v ', 'Zg==', 'Zg=', 'Zh==', '\u0100']) {
  try { console.log(JSON.stringify(s), JSON.stringify(atob(s))); } catch (e) { console.log(JSON.stringify(s), e.name, e.code, e.message); }
}
for (const s of ['Zm9v\u00e9', 'YQ', 'YQ=', 'YQ==', 'YR==', 'Y===', 'YQ==YQ==', 'a b\tc\nd', '=']) {
  try { console.log(JSON.stringify(s), JSON.stringify(atob(s))); } catch (e) { console.log(JSON.stringify(s), e.name, e.code, e.message); }
}
