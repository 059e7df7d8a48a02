// A test file that declares no tests: the file itself is reported.
export const value = 1;
