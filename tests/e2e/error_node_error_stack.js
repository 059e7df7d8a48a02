// Errors with a Node code carry "Name [CODE]: message" in their stack header.
for (const fn of [() => setTimeout(1), () => require('fs').readFile(), () => process.chdir(1)]) {
  try {
    fn();
  } catch (e) {
    console.log(e.stack.split('\n')[0]);
    console.log(e.name, e.code, String(e));
    console.log(e);
  }
}
