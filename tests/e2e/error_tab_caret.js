	foo();
