const e = new Error("boom"); e.extra = 42; e.obj = { a: 1 };
throw e;
