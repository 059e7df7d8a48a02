// --import failing: the error is reported and the main script does not run.
console.log('never');
