const a = 1;
  foo.bar(a);
