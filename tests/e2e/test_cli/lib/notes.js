'use strict';
// Not a test file by name, and not under test/: never run.
throw new Error('notes.js must not run');
