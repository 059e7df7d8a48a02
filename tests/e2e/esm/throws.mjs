const x = 1;
throw new Error("thrown from an ES module");
